import { render } from 'preact';
import { DashboardApp } from '../../components/dashboard/DashboardApp';
import { uiLocale } from '../../utils/i18n/locale';

const locale = uiLocale();
document.documentElement.lang = locale;
render(<DashboardApp locale={locale} />, document.getElementById('app') as HTMLElement);
