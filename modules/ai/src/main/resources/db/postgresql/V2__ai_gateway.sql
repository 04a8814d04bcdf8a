-- PostgreSQL twin of db/migration/V2__ai_gateway.sql: the same tables with PostgreSQL's types (BIGINT for SQLite's
-- 64-bit INTEGER, DOUBLE PRECISION for REAL, BYTEA for BLOB, identity columns for INTEGER PRIMARY KEY).
-- Keep it in step with the SQLite script; PostgresMigrationsTest checks every version has a twin.

-- AI gateway (modules/ai, dev.switchboard.ai.engine): providers, response cache, usage ledger.
-- Follows the convention at the top of V1__init.sql.

-- Configured model endpoints. API keys are never stored here: api_key_ref says where the key lives
-- (env:VAR_NAME or keyring:ENTRY, or '' for endpoints without a key).
CREATE TABLE ai_provider (
    name                TEXT    PRIMARY KEY COLLATE NOCASE,
    kind                TEXT    NOT NULL CHECK (kind IN ('OPENAI_COMPATIBLE', 'OLLAMA', 'ANTHROPIC')),
    base_url            TEXT    NOT NULL,
    model               TEXT    NOT NULL,
    api_key_ref         TEXT    NOT NULL
                        CHECK (api_key_ref = '' OR api_key_ref LIKE 'env:%' OR api_key_ref LIKE 'keyring:%'),
    input_usd_per_mtok  DOUBLE PRECISION    NOT NULL CHECK (input_usd_per_mtok >= 0),
    output_usd_per_mtok DOUBLE PRECISION    NOT NULL CHECK (output_usd_per_mtok >= 0),
    timeout_ms          BIGINT  NOT NULL CHECK (timeout_ms > 0),
    enabled             BIGINT  NOT NULL CHECK (enabled IN (0, 1)),
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL
);

-- Successful online answers, keyed by the SHA-256 of the whole canonical request
-- (dev.switchboard.ai.engine.chat.CacheKey). Only the answer is kept, never the request's text.
CREATE TABLE ai_cache (
    key        BYTEA    PRIMARY KEY CHECK (length(key) = 32),
    provider   TEXT    NOT NULL,
    model      TEXT    NOT NULL,
    answer     TEXT    NOT NULL,
    tokens_in  BIGINT  NOT NULL,
    tokens_out BIGINT  NOT NULL,
    created_at BIGINT  NOT NULL
);

CREATE INDEX ai_cache_created ON ai_cache (created_at);

-- Calls, tokens and estimated cost per day (yyyy-mm-dd in the workstation's time zone), provider, model
-- and use. Provider 'offline' counts calls that found no usable provider. failures counts failed
-- attempts (also those retried successfully); fallbacks counts calls the offline responder answered.
CREATE TABLE ai_usage (
    day        TEXT    NOT NULL,
    provider   TEXT    NOT NULL,
    model      TEXT    NOT NULL,
    ai_use     TEXT    NOT NULL,
    calls      BIGINT  NOT NULL DEFAULT 0,
    cache_hits BIGINT  NOT NULL DEFAULT 0,
    tokens_in  BIGINT  NOT NULL DEFAULT 0,
    tokens_out BIGINT  NOT NULL DEFAULT 0,
    cost_usd   DOUBLE PRECISION    NOT NULL DEFAULT 0,
    failures   BIGINT  NOT NULL DEFAULT 0,
    fallbacks  BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, provider, model, ai_use)
);
