// Integration tests start a worker (bundle load), the API and real round trips through Temporal.
jest.setTimeout(120_000);
