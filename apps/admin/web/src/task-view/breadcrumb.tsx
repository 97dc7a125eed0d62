import type { PipelineTree } from '../api/types';

interface Props {
  tree: PipelineTree;
  rootLabel: string;
  path: string[];
  onNavigate: (path: string[]) => void;
}

/** Root › subprocess › nested subprocess: each crumb goes back up to that level. */
export function Breadcrumb({ tree, rootLabel, path, onNavigate }: Props) {
  const crumbs: { label: string; path: string[] }[] = [{ label: rootLabel, path: [] }];
  let level: PipelineTree | undefined = tree;
  path.forEach((id, index) => {
    const activity = level?.activities[id];
    crumbs.push({ label: activity?.name ? String(activity.name) : id, path: path.slice(0, index + 1) });
    level = activity?.type === 'SubProcess' ? activity.pipeline : undefined;
  });
  return (
    <nav className="breadcrumb" data-testid="breadcrumb">
      {crumbs.map((crumb, index) =>
        index === crumbs.length - 1 ? (
          <strong key={crumb.path.join('/')}>{crumb.label}</strong>
        ) : (
          <span key={crumb.path.join('/')}>
            <button type="button" className="link" onClick={() => onNavigate(crumb.path)}>
              {crumb.label}
            </button>
            {' › '}
          </span>
        ),
      )}
    </nav>
  );
}
