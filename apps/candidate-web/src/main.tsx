import { createQueryClient, mountPortal } from '@rlp/web-ui/mount';
import { App } from './App';
import { I18nProvider, initialLang } from './i18n';
import { prefetchForPath } from './queries';

const queries = createQueryClient();
// The first page's data is asked for while the code of the page is still loading.
prefetchForPath(queries, window.location.pathname, initialLang());

mountPortal(<App />, I18nProvider, queries);
