// The limits the bridge enforces, in one place. They are published in the READY line and
// in GET /health so the app refuses what can never pass at its own door, before queueing.

/** Longest message text, in UTF-16 code units (JavaScript's String length). */
export const MAX_TEXT = 60_000;
/** Largest request body, in bytes (the JSON of a send, text included). */
export const BODY_LIMIT = 64 * 1024;
/** Longest client_id of a send. */
export const MAX_CLIENT_ID = 128;
/** Most sends in one POST /sessions/{id}/messages/batch, and its largest body. */
export const BATCH_MAX_MESSAGES = 100;
export const BATCH_BODY_LIMIT = 1024 * 1024;

export const LIMITS = Object.freeze({
  text_max_utf16: MAX_TEXT,
  body_max_bytes: BODY_LIMIT,
  client_id_max: MAX_CLIENT_ID,
  batch_max_messages: BATCH_MAX_MESSAGES,
  batch_body_max_bytes: BATCH_BODY_LIMIT,
});
