import { localized } from '../text/localized-text.util';
import type { Rule } from '../engine/rule.types';

/** A.ROUTE — exactly one route is chosen, and it is one of this rulebook's routes. */
export const educationRouteRule: Rule = {
  codes: ['A.ROUTE'],
  check({ education, rulebook }, out) {
    const routes = rulebook.education.routes.map((r) => r.id);
    const list = routes.join(', ');
    if (education.routeId === null) {
      out.blocking(
        'A.ROUTE',
        ['education', 'route'],
        localized(`Kies één route waarmee je je opleiding aantoont (${list}).`, `Choose one route to demonstrate your education (${list}).`),
        { route: null, routes },
      );
    } else if (education.route === null) {
      out.blocking(
        'A.ROUTE',
        ['education', 'route'],
        localized(
          `Route ${education.routeId} bestaat niet in deze versie van het toetsingskader; kies uit ${list}.`,
          `Route ${education.routeId} does not exist in this version of the framework; choose from ${list}.`,
        ),
        { route: education.routeId, routes },
      );
    }
    out.progress('A', education.route === null ? 0 : 1, 1);
  },
};
