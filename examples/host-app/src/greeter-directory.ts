import { Injectable } from '@nestjs/common';

/**
 * A host-side service the component injects: in a real app this would be a CRM client or a
 * repository; here a fixed map, so the test can tell its answer apart from anything the engine makes.
 */
@Injectable()
export class GreeterDirectory {
  private readonly titles = new Map<string, string>([
    ['ann', 'Dr.'],
    ['bob', 'Mr.'],
  ]);

  greet(customer: string, orderId: string): string {
    const title = this.titles.get(customer) ?? 'dear';
    return `${title} ${customer}, order ${orderId} is approved`;
  }
}
