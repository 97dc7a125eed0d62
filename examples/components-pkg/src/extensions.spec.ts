import { ComponentRegistry } from '@bamboo/component-framework';
import { AuditEndEvent, auditLog } from './audit-end.end-event';
import { SlugVariable } from './slug.variable';

function resolveSlug(value: unknown, pipelineData: Record<string, unknown> = {}): unknown {
  const registry = new ComponentRegistry();
  registry.registerVariable(SlugVariable);
  return registry.findLazyVariable('demo_slug')!.getValue({ value, context: {}, pipelineData, innerLoop: 1 });
}

describe('demo_slug lazy variable', () => {
  it.each([
    ['Summer Sale 2024!', 'summer-sale-2024'],
    ['  Crème brûlée  ', 'creme-brulee'],
    ['a--b__c', 'a-b-c'],
    ['', ''],
  ])('slugs %j as %j', (value, expected) => {
    expect(resolveSlug(value)).toBe(expected);
  });

  it('prefixes the slug with the root pipeline data `prefix`', () => {
    expect(resolveSlug('Spring Launch', { prefix: 'shop' })).toBe('shop-spring-launch');
  });
});

describe('demo_audit_end executable end event', () => {
  it('records the root pipeline and the stack of open pipelines', async () => {
    const registry = new ComponentRegistry();
    registry.registerEndEvent(AuditEndEvent);
    const before = auditLog.length;
    await registry.findEndEvent('demo_audit_end')!.execute(['root', 'sub'], 'root');
    expect(auditLog.slice(before)).toEqual([{ rootPipelineId: 'root', pipelineStack: ['root', 'sub'] }]);
    expect(registry.endEventTypes()).toEqual(['demo_audit_end']);
  });
});
