// multer (a dependency of @nestjs/platform-express) ships no types and @types/multer is not installed:
// the little of its API that the verification form uses (credentials.module.ts).
declare module 'multer' {
  import type { RequestHandler } from 'express';
  interface Options {
    storage?: unknown;
    limits?: { fileSize?: number; files?: number; fields?: number; fieldSize?: number; parts?: number };
  }
  interface Multer {
    single(field: string): RequestHandler;
  }
  function multer(options?: Options): Multer;
  namespace multer {
    function memoryStorage(): unknown;
  }
  export default multer;
}
