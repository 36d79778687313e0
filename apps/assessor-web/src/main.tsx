import { mountPortal } from '@rlp/web-ui/mount';
import { App } from './App';
import { I18nProvider } from './i18n';

mountPortal(<App />, I18nProvider);
