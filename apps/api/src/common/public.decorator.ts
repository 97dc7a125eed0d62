import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'bamboo:public';

/** Marks a route that needs no token (health, metrics). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
