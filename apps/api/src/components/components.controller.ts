import { Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ComponentRegistry } from '@bamboo/component-framework';
import { NotFoundError } from '@bamboo/engine';
import { ApiController } from '../common/api-controller.decorator';
import { type CatalogueItem, describeRegistry } from './component-catalogue';

@ApiController('components', 'components')
export class ComponentsController {
  constructor(private readonly registry: ComponentRegistry) {}

  @Get()
  @ApiOperation({ summary: 'The component catalogue: every registered (code, version) with its formats' })
  list(): Promise<CatalogueItem[]> {
    return describeRegistry(this.registry);
  }

  @Get(':code/versions/:version')
  @ApiOperation({ summary: 'One component version of the catalogue' })
  async one(@Param('code') code: string, @Param('version') version: string): Promise<CatalogueItem> {
    const found = (await describeRegistry(this.registry)).find(
      (item) => item.code === code && item.version === version,
    );
    if (!found) throw new NotFoundError(`component ${code}@${version} does not exist`);
    return found;
  }
}
