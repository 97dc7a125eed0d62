import { LazyVariable, Variable } from '@bamboo/component-framework';

/**
 * Lazy variable: turns its (splice-rendered) value into a URL slug when a node's inputs are
 * rendered, e.g. `"Summer Sale 2024!"` → `"summer-sale-2024"`. A `prefix` in the root pipeline
 * data is prepended, to show that variables can read it.
 */
@Variable({ code: 'demo_slug', name: 'URL slug' })
export class SlugVariable extends LazyVariable {
  getValue(): string {
    const raw = typeof this.value === 'string' ? this.value : JSON.stringify(this.value ?? '');
    const slug = raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    const prefix = this.pipelineData.prefix;
    return typeof prefix === 'string' && prefix !== '' ? `${prefix}-${slug}` : slug;
  }
}
