import { z } from 'zod';

// MV3 extension pages and service workers forbid `new Function`; zod must not try to JIT its parsers.
// Every schema module imports `z` from here so this runs before any schema is built.
z.config({ jitless: true });

export { z };
