-- Themis event store: one append-only table of events, the outbox written in the same
-- transaction, and the checkpoints of readers of the global log.
--
-- Payloads are `json`, not `jsonb`: `json` keeps the text exactly as written (key order,
-- duplicate keys, \u0000 escapes), so a matter is stored as the client sent it and the
-- hash chain can be recomputed from what is stored.

CREATE TABLE themis_events (
  global_position bigint GENERATED ALWAYS AS IDENTITY,
  -- The writing transaction, so readers of the global log can stay below the oldest
  -- transaction still in flight and never skip one that commits late.
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid        NOT NULL,
  stream_id       text        NOT NULL,
  stream_version  integer     NOT NULL CHECK (stream_version > 0),
  type            text        NOT NULL,
  schema_version  integer     NOT NULL,
  data            json        NOT NULL,
  metadata        json        NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  prev_hash       char(64)    NOT NULL,
  hash            char(64)    NOT NULL,
  PRIMARY KEY (stream_id, stream_version),
  UNIQUE (event_id),
  UNIQUE (global_position)
);

CREATE INDEX themis_events_global_order ON themis_events (transaction_id, global_position);

CREATE TABLE themis_outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  stream_id    text        NOT NULL,
  topic        text        NOT NULL,
  message_key  text        NOT NULL,
  headers      json        NOT NULL,
  payload      json        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_at      timestamptz,
  attempts     integer     NOT NULL DEFAULT 0,
  last_error   text
);

CREATE INDEX themis_outbox_unsent ON themis_outbox (id) WHERE sent_at IS NULL;

CREATE TABLE themis_checkpoints (
  name            text PRIMARY KEY,
  transaction_id  xid8        NOT NULL,
  global_position bigint      NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Read model for GET /v1/plans: one row per plan, folded from the global log.
CREATE TABLE themis_plan_summaries (
  plan_id       uuid PRIMARY KEY,
  title         text        NOT NULL,
  template      text        NOT NULL,
  status        text        NOT NULL,
  version       integer     NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE INDEX themis_plan_summaries_recent ON themis_plan_summaries (created_at DESC, plan_id DESC);
CREATE INDEX themis_plan_summaries_by_status ON themis_plan_summaries (status, created_at DESC, plan_id DESC);
