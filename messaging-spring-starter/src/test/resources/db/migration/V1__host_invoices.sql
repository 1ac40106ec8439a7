-- The host application's own schema, managed by its own Flyway migrations.
CREATE TABLE invoice (
    id BIGINT PRIMARY KEY,
    client_account_id VARCHAR(255) NOT NULL,
    amount_cents BIGINT NOT NULL
);
