import 'reflect-metadata';
import { Body, Param } from '@nestjs/common';
import { isEmptyBody, MAX_BODY_DEPTH, nestsDeeperThan, prototypeKeyPath, takesBody } from './request-body.interceptor';

class Controller {
  withBody(@Body() body: unknown) {
    return body;
  }
  withoutBody(@Param('id') id: string) {
    return id;
  }
}

describe('request body checks', () => {
  it('knows which handlers declare a body', () => {
    expect(takesBody(Controller, Controller.prototype.withBody)).toBe(true);
    expect(takesBody(Controller, Controller.prototype.withoutBody)).toBe(false);
  });

  it('treats only no body and {} as empty', () => {
    expect([undefined, null, {}, Buffer.alloc(0)].map(isEmptyBody)).toEqual([true, true, true, true]);
    expect([[], { a: 1 }, 'x', 0, Buffer.from('x')].map(isEmptyBody)).toEqual([false, false, false, false, false]);
  });

  it('finds prototype keys at any depth, also in a body nested far deeper than the stack', () => {
    expect(prototypeKeyPath(JSON.parse('{"a":{"b":[{"__proto__":{"x":1}}]}}'))).toBe('/a/b/0/__proto__');
    expect(prototypeKeyPath({ constructor: { prototype: {} } })).toBe('/constructor');
    expect(prototypeKeyPath({ a: 'constructor', b: ['prototype'] })).toBeNull();
    let deep: unknown = { prototype: 1 };
    for (let i = 0; i < 200_000; i++) deep = { n: deep };
    expect(prototypeKeyPath(deep)).toMatch(/\/prototype$/);
  });

  it('measures how deeply a body nests objects and arrays, also far deeper than the stack', () => {
    const nest = (levels: number): unknown => {
      let v: unknown = 'x';
      for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
      return v;
    };
    expect(nestsDeeperThan(nest(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nest(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
    expect(nestsDeeperThan(nest(200_000), MAX_BODY_DEPTH)).toBe(true);
    expect(nestsDeeperThan({ wide: Array.from({ length: 1000 }, () => ({ b: [1, 2] })), s: 'x' }, 4)).toBe(false);
    expect(nestsDeeperThan({ wide: Array.from({ length: 1000 }, () => ({ b: [1, 2] })), s: 'x' }, 3)).toBe(true);
    expect([undefined, null, 'x', 1, Buffer.alloc(64 * 1024)].map((b) => nestsDeeperThan(b, 1))).toEqual([false, false, false, false, false]);
  });
});
