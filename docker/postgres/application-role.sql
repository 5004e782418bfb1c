-- The role the API and the worker connect as (the migrations grant it what it may do: read and write the read
-- models, only append to the events and the audit trail). Created here only to give it a password; replace it
-- before real use. The schema owner (POSTGRES_USER) runs the migrations.
CREATE ROLE inburgering_app LOGIN PASSWORD 'inburgering_app';
