// The route schemas, each added once by $id and referred to as `{ $ref: '<id>#' }`
// (fastify's shared-schema way, examples/shared-schema.js). They are checked by the small
// compiler below, not by ajv: the bridge needs two rules, and its start-up (time, memory)
// stays free of ajv and fast-json-stringify. A failure is answered by errors.js in the
// error shape of docs/bridge-api.md.
import { SESSION_ID_RE } from '../sessions/manager.js';

/** `/sessions/:id...`: the session id of the path. */
export const SESSION_PARAMS = {
  $id: 'sessionParams',
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: SESSION_ID_RE.source } },
};

/** A JSON object, or no body at all (which the route sees as `{}`). */
export const OBJECT_BODY = { $id: 'objectBody', type: ['object', 'null'] };

/** The schema of a route on one session: params only, or params and an object body. */
export const onSession = { schema: { params: { $ref: 'sessionParams#' } } };
export const onSessionWithBody = { schema: { params: { $ref: 'sessionParams#' }, body: { $ref: 'objectBody#' } } };
/** A route with an object body and no path params. */
export const withBody = { schema: { body: { $ref: 'objectBody#' } } };

/** @param {import('fastify').FastifyRequest} request @returns {string} the session id, checked */
export const idOf = (request) => /** @type {{id: string}} */ (request.params).id;
/** @param {import('fastify').FastifyRequest} request @returns {Record<string, any>} the object body, checked */
export const bodyOf = (request) => /** @type {Record<string, any>} */ (request.body);

/** The failing keyword, in ajv's error shape (what fastify hands on as err.validation). */
const failure = (keyword, instancePath, message) => ({ keyword, instancePath, schemaPath: `#/${keyword}`, params: {}, message });

/** @param {unknown} value @returns {string} the JSON Schema type of a JSON value */
const typeOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * The errors of `value` against the subset of JSON Schema used here (type, required,
 * properties, string pattern); an empty list when it holds.
 * @param {any} schema @param {unknown} value @param {string} path @returns {object[]}
 */
function check(schema, value, path = '') {
  const types = [schema.type ?? []].flat();
  if (types.length && !types.includes(typeOf(value))) return [failure('type', path, `must be ${types.join(',')}`)];
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) {
    return [failure('pattern', path, `must match pattern "${schema.pattern}"`)];
  }
  if (typeOf(value) !== 'object') return [];
  const record = /** @type {Record<string, unknown>} */ (value);
  const missing = (schema.required ?? []).filter((/** @type {string} */ key) => !(key in record));
  if (missing.length) return [failure('required', path, `must have required property '${missing[0]}'`)];
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => key in record)
    .flatMap(([key, sub]) => check(sub, record[key], `${path}/${key}`));
}

/**
 * fastify's compilersFactory.buildValidator: `$ref`s are resolved among the shared schemas.
 * A missing body (fastify passes null) reaches the route as `{}`.
 * @param {Record<string, any>} shared schemas added with addSchema, by $id
 */
export function buildValidator(shared) {
  return ({ schema }) => {
    const resolved = schema.$ref ? shared[schema.$ref.replace(/#$/, '')] : schema;
    if (!resolved) throw new Error(`unknown schema ${schema.$ref}`);
    /** @param {unknown} value */
    const validate = (value) => {
      const errors = check(resolved, value);
      if (errors.length) return { error: Object.assign(new Error(errors[0].message), { validation: errors }) };
      return resolved.$id === OBJECT_BODY.$id && value === null ? { value: {} } : true;
    };
    return validate;
  };
}

/** A route that declares a response schema fails at start-up, loudly: answers are written as they are. */
export const buildSerializer = () => () => {
  throw new Error('bridge routes take no response schema: their answers are documented in docs/bridge-api.md');
};

/** Adds the shared schemas (register at the root, before the routes). @param {import('fastify').FastifyInstance} app */
export async function sharedSchemas(app) {
  app.addSchema(SESSION_PARAMS);
  app.addSchema(OBJECT_BODY);
}
sharedSchemas[Symbol.for('skip-override')] = true; // what fastify-plugin does: the root's schemas
