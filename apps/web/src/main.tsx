import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AuthProvider, createUserManager, SignInConfig } from './auth/auth';
import { I18nProvider } from './i18n/i18n';
import './styles.css';

async function start(): Promise<void> {
  const config = (await (await fetch('/app/config.json')).json()) as SignInConfig;
  const manager = createUserManager(config);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <AuthProvider manager={manager}>
          <App />
        </AuthProvider>
      </I18nProvider>
    </StrictMode>,
  );
}

void start();
