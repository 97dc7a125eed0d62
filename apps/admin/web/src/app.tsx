import { LoginDialog } from './components/login-dialog';
import { OutcomeProvider } from './components/outcome';
import { EnginePage } from './engine/engine-page';
import { AuthProvider, useAuth } from './lib/auth';
import { formatHash, useRoute } from './lib/router';
import { TaskListPage } from './pages/task-list-page';
import { TaskViewPage } from './task-view/task-view-page';

function Main() {
  const route = useRoute();
  const [section, id] = route.segments;
  if (section === 'engine') return <EnginePage />;
  if (section === 'tasks' && id) return <TaskViewPage key={id} pipelineId={id} route={route} />;
  return <TaskListPage />;
}

function Shell() {
  const { generation, scope, logout } = useAuth();
  return (
    <div className="shell">
      <nav className="topbar">
        <strong>Bamboo admin</strong>
        <a href={formatHash(['tasks'])}>Tasks</a>
        <a href={formatHash(['engine'])}>Engine</a>
        <span className="spacer" />
        {scope === 'read' && (
          <span className="badge read-only" data-testid="read-only">
            read-only
          </span>
        )}
        <button type="button" className="link" onClick={logout}>
          Sign out
        </button>
      </nav>
      {/* A new login remounts the views so that everything is fetched again with the new token. */}
      <main key={generation}>
        <Main />
      </main>
      <LoginDialog />
    </div>
  );
}

export function App() {
  return (
    <AuthProvider>
      <OutcomeProvider>
        <Shell />
      </OutcomeProvider>
    </AuthProvider>
  );
}
