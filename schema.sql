-- The storage layout of a `bilateral` store: the one place it is defined.
--
-- The file is a list of migration steps. Each step starts with a line
-- `-- version N: what it adds` and brings a database from version N-1 to N.
-- A new database runs every step; an older one runs the steps after its
-- `PRAGMA user_version`; the library runs them inside one transaction and then sets
-- `user_version` to the last N. Append new steps; never edit a published one.
--
-- Conventions: integer keys for everything that repeats in millions of rows
-- (countries, indicators, products, sources); dates are Julian day numbers
-- (`date(start_day)` in SQL gives the ISO date); the views give readable columns.

-- version 1: countries, indicators, products, sources, observations, population
CREATE TABLE country (
    id            INTEGER PRIMARY KEY,
    alpha3        TEXT NOT NULL UNIQUE CHECK (length(alpha3) = 3 AND alpha3 = upper(alpha3)),
    alpha2        TEXT NOT NULL UNIQUE CHECK (length(alpha2) = 2 AND alpha2 = upper(alpha2)),
    name          TEXT NOT NULL CHECK (name <> ''),
    official_name TEXT
) STRICT;

CREATE TABLE indicator (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL CHECK (name <> ''),
    unit        TEXT NOT NULL CHECK (unit <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('flow', 'stock')),
    directed    INTEGER NOT NULL CHECK (directed IN (0, 1)),
    signed      INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
    description TEXT
) STRICT;

CREATE TABLE product (
    id   INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_.]*')
) STRICT;
INSERT INTO product (id, code) VALUES (1, 'total');

CREATE TABLE source (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_.-]*'),
    title     TEXT NOT NULL CHECK (title <> ''),
    publisher TEXT,
    url       TEXT,
    published TEXT
) STRICT;

CREATE TABLE observation (
    id             INTEGER PRIMARY KEY,
    indicator_id   INTEGER NOT NULL REFERENCES indicator (id),
    origin_id      INTEGER NOT NULL REFERENCES country (id),
    destination_id INTEGER NOT NULL REFERENCES country (id),
    product_id     INTEGER NOT NULL DEFAULT 1 REFERENCES product (id),
    start_day      INTEGER NOT NULL,
    end_day        INTEGER NOT NULL,
    period_text    TEXT NOT NULL,
    value          REAL NOT NULL,
    qualifier      TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'over', 'nearly', 'under')),
    low            REAL NOT NULL,
    high           REAL NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('actual', 'estimate', 'provisional', 'target', 'projection')),
    source_id      INTEGER REFERENCES source (id),
    quote          TEXT,
    note           TEXT,
    CHECK (origin_id <> destination_id),
    CHECK (start_day <= end_day),
    CHECK (low <= value AND value <= high)
) STRICT;

-- One figure per indicator, pair, product, period, status and source; a missing source
-- counts as one source of its own.
CREATE UNIQUE INDEX observation_identity ON observation (
    indicator_id, origin_id, destination_id, product_id, start_day, end_day, status,
    ifnull(source_id, 0)
);
CREATE INDEX observation_by_pair ON observation (origin_id, destination_id, indicator_id);

CREATE TABLE population (
    country_id INTEGER NOT NULL REFERENCES country (id),
    year       INTEGER NOT NULL CHECK (year BETWEEN 1000 AND 9999),
    value      INTEGER NOT NULL CHECK (value > 0),
    source_id  INTEGER REFERENCES source (id),
    PRIMARY KEY (country_id, year)
) STRICT, WITHOUT ROWID;

CREATE VIEW observation_view AS
SELECT o.id,
       i.code AS indicator,
       origin.alpha3 AS origin,
       destination.alpha3 AS destination,
       p.code AS product,
       o.period_text AS period,
       date(o.start_day) AS start,
       date(o.end_day) AS "end",
       o.value, o.low, o.high, o.qualifier, o.status,
       i.unit,
       s.code AS source,
       o.quote, o.note
FROM observation o
JOIN indicator i ON i.id = o.indicator_id
JOIN country origin ON origin.id = o.origin_id
JOIN country destination ON destination.id = o.destination_id
JOIN product p ON p.id = o.product_id
LEFT JOIN source s ON s.id = o.source_id;

-- version 2: dated events between two countries (calls, meetings, exercises, signings)
CREATE TABLE event (
    id         INTEGER PRIMARY KEY,
    start_day  INTEGER NOT NULL,
    end_day    INTEGER NOT NULL,
    date_text  TEXT NOT NULL,
    a_id       INTEGER NOT NULL REFERENCES country (id),
    b_id       INTEGER NOT NULL REFERENCES country (id),
    kind       TEXT NOT NULL CHECK (kind <> '' AND kind NOT GLOB '*[^a-z_]*'),
    title      TEXT NOT NULL CHECK (title <> ''),
    place      TEXT,
    source_id  INTEGER REFERENCES source (id),
    quote      TEXT,
    note       TEXT,
    CHECK (a_id < b_id),
    CHECK (start_day <= end_day),
    UNIQUE (a_id, b_id, start_day, end_day, kind, title)
) STRICT;

CREATE VIEW event_view AS
SELECT e.id,
       e.date_text AS date,
       date(e.start_day) AS start,
       date(e.end_day) AS "end",
       a.alpha3 AS a,
       b.alpha3 AS b,
       e.kind, e.title, e.place,
       s.code AS source,
       e.quote, e.note
FROM event e
JOIN country a ON a.id = e.a_id
JOIN country b ON b.id = e.b_id
LEFT JOIN source s ON s.id = e.source_id;

-- version 3: indicator topics, which group indicators into the sections of a report
ALTER TABLE indicator ADD COLUMN topic TEXT NOT NULL DEFAULT 'other'
    CHECK (topic IN ('trade', 'investment', 'transport', 'people', 'cooperation', 'other'));

-- version 4: report topics in a table of their own, so that a user can add topics; the
-- indicator table is rebuilt (SQLite's documented procedure) to refer to it by id
CREATE TABLE topic (
    id       INTEGER PRIMARY KEY,
    code     TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*'),
    title    TEXT NOT NULL CHECK (title <> ''),
    -- Sections come in this order; 'other' stays last.
    position INTEGER NOT NULL
) STRICT;
INSERT INTO topic (code, title, position) VALUES
    ('trade', 'Trade', 1),
    ('investment', 'Investment and business presence', 2),
    ('transport', 'Transport and energy', 3),
    ('people', 'Tourism and people', 4),
    ('cooperation', 'Cooperation and timeline', 5),
    ('other', 'Other indicators', 1000000);

CREATE TABLE indicator_v4 (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL CHECK (name <> ''),
    unit        TEXT NOT NULL CHECK (unit <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('flow', 'stock')),
    directed    INTEGER NOT NULL CHECK (directed IN (0, 1)),
    signed      INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
    description TEXT,
    topic_id    INTEGER NOT NULL REFERENCES topic (id)
) STRICT;
INSERT INTO indicator_v4 (id, code, name, unit, kind, directed, signed, description, topic_id)
SELECT i.id, i.code, i.name, i.unit, i.kind, i.directed, i.signed, i.description, t.id
FROM indicator i JOIN topic t ON t.code = i.topic;
DROP VIEW observation_view;
DROP TABLE indicator;
ALTER TABLE indicator_v4 RENAME TO indicator;

CREATE VIEW observation_view AS
SELECT o.id,
       i.code AS indicator,
       origin.alpha3 AS origin,
       destination.alpha3 AS destination,
       p.code AS product,
       o.period_text AS period,
       date(o.start_day) AS start,
       date(o.end_day) AS "end",
       o.value, o.low, o.high, o.qualifier, o.status,
       i.unit,
       s.code AS source,
       o.quote, o.note
FROM observation o
JOIN indicator i ON i.id = o.indicator_id
JOIN country origin ON origin.id = o.origin_id
JOIN country destination ON destination.id = o.destination_id
JOIN product p ON p.id = o.product_id
LEFT JOIN source s ON s.id = o.source_id;

-- version 5: a layout for bulk ingest. observation is rebuilt (SQLite's documented
-- procedure) as a WITHOUT ROWID table clustered on its identity, with qualifier and
-- status as small integers. Measured on 1M rows in a file against version 4: 52 MB
-- instead of 111 MB; 1.8 s instead of 5.7-6.8 s to insert them in key order; a pair's
-- figures (either order) read in 35 ms as before. Text codes alone took 4.9 s. The key
-- leads with the pair, so a pair's reads (with or without the indicator) search it and
-- observation_by_pair is gone: beside an indicator-first key it cost 24 MB and 1 s.
-- The rowid `id` cannot survive (such a table has none) and leaves observation_view;
-- nothing read it. The old table's pages stay in the file, free, until a VACUUM.
CREATE TABLE observation_v5 (
    origin_id      INTEGER NOT NULL REFERENCES country (id),
    destination_id INTEGER NOT NULL REFERENCES country (id),
    indicator_id   INTEGER NOT NULL REFERENCES indicator (id),
    product_id     INTEGER NOT NULL DEFAULT 1 REFERENCES product (id),
    start_day      INTEGER NOT NULL,
    end_day        INTEGER NOT NULL,
    -- 0 actual, 1 estimate, 2 projection, 3 provisional, 4 target: the codes in
    -- alphabetical order, so the key and any ORDER BY status sort as the text did.
    status         INTEGER NOT NULL CHECK (status BETWEEN 0 AND 4),
    -- A key column cannot be NULL, so the key holds the source's id or 0 for none;
    -- source_id keeps the nullable foreign key (and the joins that read it), and the
    -- CHECK keeps the two equal. Cheaper than a trigger, and unlike a reserved source
    -- row it adds nothing to the source table.
    source_key     INTEGER NOT NULL CHECK (source_key = ifnull(source_id, 0)),
    period_text    TEXT NOT NULL,
    value          REAL NOT NULL,
    -- 0 approx, 1 exact, 2 nearly, 3 over, 4 under (alphabetical, as status).
    qualifier      INTEGER NOT NULL CHECK (qualifier BETWEEN 0 AND 4),
    low            REAL NOT NULL,
    high           REAL NOT NULL,
    source_id      INTEGER REFERENCES source (id),
    quote          TEXT,
    note           TEXT,
    -- One figure per pair, indicator, product, period, status and source.
    PRIMARY KEY (origin_id, destination_id, indicator_id, product_id, start_day, end_day,
                 status, source_key),
    CHECK (origin_id <> destination_id),
    CHECK (start_day <= end_day),
    CHECK (low <= value AND value <= high)
) STRICT, WITHOUT ROWID;
-- A code outside the lists becomes NULL and fails NOT NULL, so such a file stays as it
-- was. Copied in key order, each row goes at the end of the table.
INSERT INTO observation_v5 (origin_id, destination_id, indicator_id, product_id, start_day,
    end_day, status, source_key, period_text, value, qualifier, low, high, source_id, quote,
    note)
SELECT origin_id, destination_id, indicator_id, product_id, start_day, end_day,
       CASE status WHEN 'actual' THEN 0 WHEN 'estimate' THEN 1 WHEN 'projection' THEN 2
                   WHEN 'provisional' THEN 3 WHEN 'target' THEN 4 END,
       ifnull(source_id, 0), period_text, value,
       CASE qualifier WHEN 'approx' THEN 0 WHEN 'exact' THEN 1 WHEN 'nearly' THEN 2
                      WHEN 'over' THEN 3 WHEN 'under' THEN 4 END,
       low, high, source_id, quote, note
FROM observation
ORDER BY origin_id, destination_id, indicator_id, product_id, start_day, end_day, status,
         ifnull(source_id, 0);
DROP VIEW observation_view;
DROP TABLE observation;
ALTER TABLE observation_v5 RENAME TO observation;

CREATE VIEW observation_view AS
SELECT i.code AS indicator,
       origin.alpha3 AS origin,
       destination.alpha3 AS destination,
       p.code AS product,
       o.period_text AS period,
       date(o.start_day) AS start,
       date(o.end_day) AS "end",
       o.value, o.low, o.high,
       CASE o.qualifier WHEN 0 THEN 'approx' WHEN 1 THEN 'exact' WHEN 2 THEN 'nearly'
                        WHEN 3 THEN 'over' WHEN 4 THEN 'under' END AS qualifier,
       CASE o.status WHEN 0 THEN 'actual' WHEN 1 THEN 'estimate' WHEN 2 THEN 'projection'
                     WHEN 3 THEN 'provisional' WHEN 4 THEN 'target' END AS status,
       i.unit,
       s.code AS source,
       o.quote, o.note
FROM observation o
JOIN indicator i ON i.id = o.indicator_id
JOIN country origin ON origin.id = o.origin_id
JOIN country destination ON destination.id = o.destination_id
JOIN product p ON p.id = o.product_id
LEFT JOIN source s ON s.id = o.source_id;

-- version 6: Kosovo, which ISO 3166-1 leaves out, under the user-assigned codes XKX and
-- XK that the World Bank (and the European Commission) give it. Country ids follow
-- alpha-3 order (the smaller id of an undirected pair is its alphabetical first), so
-- the countries after XKX move up one id, with every row that refers to them, and
-- Kosovo takes the id freed. Moved ids pass through 1000000 and up, so that no row
-- meets one not yet moved (keys stay unique, a_id < b_id holds throughout). Its World
-- Bank population is added after this step (schema.rs).
UPDATE observation SET
    origin_id = origin_id + CASE WHEN origin_id IN (SELECT id FROM country WHERE alpha3 > 'XKX') THEN 1000000 ELSE 0 END,
    destination_id = destination_id + CASE WHEN destination_id IN (SELECT id FROM country WHERE alpha3 > 'XKX') THEN 1000000 ELSE 0 END
WHERE origin_id IN (SELECT id FROM country WHERE alpha3 > 'XKX') OR destination_id IN (SELECT id FROM country WHERE alpha3 > 'XKX');
UPDATE observation SET
    origin_id = origin_id - CASE WHEN origin_id >= 1000000 THEN 999999 ELSE 0 END,
    destination_id = destination_id - CASE WHEN destination_id >= 1000000 THEN 999999 ELSE 0 END
WHERE origin_id >= 1000000 OR destination_id >= 1000000;
UPDATE event SET
    a_id = a_id + CASE WHEN a_id IN (SELECT id FROM country WHERE alpha3 > 'XKX') THEN 1000000 ELSE 0 END,
    b_id = b_id + CASE WHEN b_id IN (SELECT id FROM country WHERE alpha3 > 'XKX') THEN 1000000 ELSE 0 END
WHERE a_id IN (SELECT id FROM country WHERE alpha3 > 'XKX') OR b_id IN (SELECT id FROM country WHERE alpha3 > 'XKX');
UPDATE event SET
    a_id = a_id - CASE WHEN a_id >= 1000000 THEN 999999 ELSE 0 END,
    b_id = b_id - CASE WHEN b_id >= 1000000 THEN 999999 ELSE 0 END
WHERE a_id >= 1000000 OR b_id >= 1000000;
UPDATE population SET
    country_id = country_id + CASE WHEN country_id IN (SELECT id FROM country WHERE alpha3 > 'XKX') THEN 1000000 ELSE 0 END
WHERE country_id IN (SELECT id FROM country WHERE alpha3 > 'XKX');
UPDATE population SET
    country_id = country_id - CASE WHEN country_id >= 1000000 THEN 999999 ELSE 0 END
WHERE country_id >= 1000000;
UPDATE country SET id = id + 1000000 WHERE alpha3 > 'XKX';
UPDATE country SET id = id - 999999 WHERE id >= 1000000;
INSERT INTO country (id, alpha3, alpha2, name)
SELECT max(id) + 1, 'XKX', 'XK', 'Kosovo' FROM country WHERE alpha3 < 'XKX';

-- version 7: claims, what a text says about a figure relative to another ("more than
-- tripling", "a 2% increase", "slightly below the 2023 record"). A claim is kept as the
-- words said it, never turned into a figure: checking it against the figures, and what
-- it implies about a figure nobody published, are computed when asked. `reference` is a
-- period in canonical form ('2024-01/2024-08') or 'record', 'target' or 'whole'; the
-- number and the interval its qualifier allows go with ratio, pct and share only.
CREATE TABLE claim (
    id              INTEGER PRIMARY KEY,
    text            TEXT NOT NULL CHECK (text <> ''),
    indicator_id    INTEGER NOT NULL REFERENCES indicator (id),
    origin_id       INTEGER NOT NULL REFERENCES country (id),
    destination_id  INTEGER NOT NULL REFERENCES country (id),
    product_id      INTEGER NOT NULL REFERENCES product (id),
    start_day       INTEGER NOT NULL,
    end_day         INTEGER NOT NULL,
    reference       TEXT NOT NULL CHECK (reference <> ''),
    relation        TEXT NOT NULL CHECK (relation IN ('ratio', 'pct', 'greater', 'less',
                                                       'record_high', 'record_low', 'share')),
    value           REAL,
    qualifier       TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'over', 'nearly', 'under')),
    low             REAL,
    high            REAL,
    source_id       INTEGER REFERENCES source (id),
    quote           TEXT,
    note            TEXT,
    CHECK (origin_id <> destination_id),
    CHECK (start_day <= end_day),
    CHECK ((value IS NOT NULL) = (relation IN ('ratio', 'pct', 'share'))),
    CHECK ((value IS NULL) = (low IS NULL) AND (value IS NULL) = (high IS NULL)),
    CHECK (low <= value AND value <= high),
    UNIQUE (indicator_id, origin_id, destination_id, product_id, start_day, end_day, relation,
            reference, text)
) STRICT;

-- version 8: how an indicator reads in a sentence. `phrase` is an optional subject
-- template with {origin}, {destination} and {product} ("Oil from {origin} shipped
-- through {destination} via the Baku–Tbilisi–Ceyhan pipeline"), used instead of
-- "name from origin to destination" where that would mislead; kind 'plan' is a planned
-- project's specification or budget, neither measured over a period nor a level
-- reached. The indicator table is rebuilt for the wider kind check (SQLite's
-- documented procedure, as step 4 did).
CREATE TABLE indicator_v8 (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^a-z0-9_]*'),
    name        TEXT NOT NULL CHECK (name <> ''),
    unit        TEXT NOT NULL CHECK (unit <> ''),
    kind        TEXT NOT NULL CHECK (kind IN ('flow', 'stock', 'plan')),
    directed    INTEGER NOT NULL CHECK (directed IN (0, 1)),
    signed      INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
    description TEXT,
    topic_id    INTEGER NOT NULL REFERENCES topic (id),
    phrase      TEXT CHECK (phrase <> '')
) STRICT;
INSERT INTO indicator_v8 (id, code, name, unit, kind, directed, signed, description, topic_id)
SELECT id, code, name, unit, kind, directed, signed, description, topic_id
FROM indicator;
DROP VIEW observation_view;
DROP TABLE indicator;
ALTER TABLE indicator_v8 RENAME TO indicator;

CREATE VIEW observation_view AS
SELECT i.code AS indicator,
       origin.alpha3 AS origin,
       destination.alpha3 AS destination,
       p.code AS product,
       o.period_text AS period,
       date(o.start_day) AS start,
       date(o.end_day) AS "end",
       o.value, o.low, o.high,
       CASE o.qualifier WHEN 0 THEN 'approx' WHEN 1 THEN 'exact' WHEN 2 THEN 'nearly'
                        WHEN 3 THEN 'over' WHEN 4 THEN 'under' END AS qualifier,
       CASE o.status WHEN 0 THEN 'actual' WHEN 1 THEN 'estimate' WHEN 2 THEN 'projection'
                     WHEN 3 THEN 'provisional' WHEN 4 THEN 'target' END AS status,
       i.unit,
       s.code AS source,
       o.quote, o.note
FROM observation o
JOIN indicator i ON i.id = o.indicator_id
JOIN country origin ON origin.id = o.origin_id
JOIN country destination ON destination.id = o.destination_id
JOIN product p ON p.id = o.product_id
LEFT JOIN source s ON s.id = o.source_id;

-- version 9: product names. A product keeps, beside its code, the name a classification
-- or the user gives it ("Ferro-alloys") and the classification its code belongs to
-- ("HS" for 7202, "SITC"), so that a report writes "ferro-alloys (HS 7202)" rather
-- than a bare code. Both are optional: a code met only in figures has neither. Added
-- as columns of the table every figure already refers to, so that no row moves.
ALTER TABLE product ADD COLUMN name TEXT CHECK (name <> '' AND name = trim(name));
ALTER TABLE product ADD COLUMN classification TEXT
    CHECK (classification <> '' AND classification NOT GLOB '*[^A-Z0-9]*');

-- version 10: product codes as their publishers write them: the OECD's CPA `C10T12`
-- was stored as `c10t12` and read back so; letters of either case are allowed now
-- (the total stays `total`). product is rebuilt with its ids, so that no figure
-- moves (SQLite's documented procedure, as the step of version 8 rebuilt indicator).
CREATE TABLE product_v10 (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^A-Za-z0-9_.]*'),
    name           TEXT CHECK (name <> '' AND name = trim(name)),
    classification TEXT CHECK (classification <> '' AND classification NOT GLOB '*[^A-Z0-9]*')
) STRICT;
INSERT INTO product_v10 (id, code, name, classification)
SELECT id, code, name, classification
FROM product;
DROP VIEW observation_view;
DROP TABLE product;
ALTER TABLE product_v10 RENAME TO product;

CREATE VIEW observation_view AS
SELECT i.code AS indicator,
       origin.alpha3 AS origin,
       destination.alpha3 AS destination,
       p.code AS product,
       o.period_text AS period,
       date(o.start_day) AS start,
       date(o.end_day) AS "end",
       o.value, o.low, o.high,
       CASE o.qualifier WHEN 0 THEN 'approx' WHEN 1 THEN 'exact' WHEN 2 THEN 'nearly'
                        WHEN 3 THEN 'over' WHEN 4 THEN 'under' END AS qualifier,
       CASE o.status WHEN 0 THEN 'actual' WHEN 1 THEN 'estimate' WHEN 2 THEN 'projection'
                     WHEN 3 THEN 'provisional' WHEN 4 THEN 'target' END AS status,
       i.unit,
       s.code AS source,
       o.quote, o.note
FROM observation o
JOIN indicator i ON i.id = o.indicator_id
JOIN country origin ON origin.id = o.origin_id
JOIN country destination ON destination.id = o.destination_id
JOIN product p ON p.id = o.product_id
LEFT JOIN source s ON s.id = o.source_id;
