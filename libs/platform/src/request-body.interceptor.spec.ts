import 'reflect-metadata';
import { Body, Param } from '@nestjs/common';
import { isEmptyBody, prototypeKeyPath, takesBody } from './request-body.interceptor';

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
});
