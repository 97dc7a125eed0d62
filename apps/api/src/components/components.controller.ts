import { BadRequestException, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ComponentRegistry } from '@bamboo/component-framework';
import { NotFoundError } from '@bamboo/engine';
import { ApiController } from '../common/api-controller.decorator';
import { type CatalogueItem, describeRegistry } from './component-catalogue';

@ApiController('components', 'components')
export class ComponentsController {
  constructor(private readonly registry: ComponentRegistry) {}

  @Get()
  @ApiOperation({ summary: 'The component catalogue: every registered (code, version) with its formats' })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'inactive'] })
  async list(@Query('status') status?: string): Promise<CatalogueItem[]> {
    if (status !== undefined && status !== 'active' && status !== 'inactive') {
      throw new BadRequestException("status must be 'active' or 'inactive'");
    }
    const items = await describeRegistry(this.registry);
    // The catalogue lists what this process registered, all active; removed components are gone.
    return status === 'inactive' ? [] : items;
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
