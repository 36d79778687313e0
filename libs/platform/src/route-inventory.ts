import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessPolicy } from '../../accounts/src/access.decorators';

export interface RouteInfo {
  method: string;
  /** Express-style path, e.g. /admin/accounts/:id/deactivate */
  path: string;
  controller: string;
  handler: string;
  access: AccessPolicy | undefined;
}

function join(...parts: string[]): string {
  const path = '/' + parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
  return path;
}

/**
 * Every route an app serves, read from the app itself (controllers, handlers and their access
 * declarations), so a test that walks this list cannot miss a route added later.
 */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    const proto = Object.getPrototypeOf(instance) as Record<string, (...args: unknown[]) => unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name]!;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const handlerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const access = reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_KEY, [handler, wrapper.metatype]);
      for (const cp of controllerPaths) {
        for (const hp of handlerPaths) {
          routes.push({ method: RequestMethod[method], path: join(cp, hp), controller: wrapper.metatype.name, handler: name, access });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
