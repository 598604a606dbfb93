import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { uiLocale } from '../../utils/i18n/locale';

const locale = uiLocale();
document.documentElement.lang = locale;
render(<PopupApp locale={locale} />, document.getElementById('app') as HTMLElement);
