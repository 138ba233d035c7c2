-- Several bots on one database (docs/scale-out.md): each running instance heartbeats here; one not seen for the
-- lease is dead. The outbox row's owner is the instance that stores or adopted it and sends it; rows whose owner is
-- dead or gone are adopted by a live instance, and a user whose replies another instance owns is left to it, so a
-- chat's replies keep their order. (On SQLite, one bot per file: the table stays empty and owner NULL.)
CREATE TABLE instances (
    id         TEXT   PRIMARY KEY,        -- host:pid:random, new at every start
    started_at BIGINT NOT NULL,           -- unix ms
    seen_at    BIGINT NOT NULL            -- unix ms, the last heartbeat
);
ALTER TABLE outbox ADD COLUMN owner TEXT;
