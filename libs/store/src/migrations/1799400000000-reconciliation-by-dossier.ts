import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mediator looks up a registration in the reconciliation queue by the partner's own dossier id
 * (`GET /reconciliation?partnerDossierId=`): found through this index, however long the queue.
 */
export class ReconciliationByDossier1799400000000 implements MigrationInterface {
  name = 'ReconciliationByDossier1799400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX registration_reconciliation_dossier_idx ON registration_reconciliation (partner_dossier_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX registration_reconciliation_dossier_idx`);
  }
}
