-- Studio price prediction (modules/studio, dev.switchboard.studio.engine.predict.MarketStore): market series a
-- user imported, their bars, and imported headlines with their lexicon sentiment. Follows the convention at the
-- top of V1__init.sql. The bundled series (ta4j-examples) are read from the class path and never stored here.

-- One imported series. An import never replaces an earlier one: importing the same market again adds a series,
-- and the newest of a symbol and bar length is the one used.
CREATE TABLE studio_market_series (
    id           TEXT    NOT NULL PRIMARY KEY,
    symbol       TEXT    NOT NULL,
    bar_seconds  INTEGER NOT NULL CHECK (bar_seconds > 0),
    source       TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    file_sha256  TEXT    NOT NULL,
    bars         INTEGER NOT NULL CHECK (bars >= 2),
    first_time   INTEGER NOT NULL,
    last_time    INTEGER NOT NULL,
    imported_at  INTEGER NOT NULL,
    imported_by  TEXT    NOT NULL
) STRICT;

CREATE INDEX studio_market_series_symbol ON studio_market_series (symbol, bar_seconds, imported_at);

-- Its bars; t is the bar's start in epoch seconds (UTC).
CREATE TABLE studio_market_bar (
    series_id  TEXT    NOT NULL REFERENCES studio_market_series (id),
    t          INTEGER NOT NULL,
    open       REAL    NOT NULL,
    high       REAL    NOT NULL,
    low        REAL    NOT NULL,
    close      REAL    NOT NULL,
    volume     REAL    NOT NULL,
    PRIMARY KEY (series_id, t)
) STRICT;

-- Headlines or posts about a symbol, for the sentiment feature; t in epoch seconds, score in -1..1.
CREATE TABLE studio_headline (
    id           INTEGER PRIMARY KEY,
    symbol       TEXT    NOT NULL,
    t            INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    score        REAL    NOT NULL CHECK (score BETWEEN -1 AND 1),
    file_name    TEXT    NOT NULL,
    imported_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX studio_headline_symbol ON studio_headline (symbol, t);

-- A computed walk-forward evaluation and forecast, so a study opens without waiting for it again (the demo
-- computes the bundled BTC one behind the login screen). series_id is a studio_market_series id or a bundled:
-- name; the JSON holds the records of dev.switchboard.studio.model.predict.
CREATE TABLE studio_backtest (
    id             INTEGER PRIMARY KEY,
    series_id      TEXT    NOT NULL,
    model          TEXT    NOT NULL,
    horizon        INTEGER NOT NULL CHECK (horizon >= 1),
    computed_at    INTEGER NOT NULL,
    report_json    TEXT    NOT NULL,
    forecast_json  TEXT    NOT NULL
) STRICT;

CREATE INDEX studio_backtest_study ON studio_backtest (series_id, model, horizon, computed_at);
