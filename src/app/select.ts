import type { Plan, ServicePlan } from '../config/types.js';
import { UsageError } from './errors.js';

// `start --only api` must also start what api needs, or api could never be ready.
export function selectServices(plan: Plan, only: string[] | undefined): ServicePlan[] {
  if (only === undefined) return plan.services;
  if (only.length === 0) throw new UsageError(`--only needs a service name (services: ${plan.services.map((service) => service.name).join(', ')})`);
  const byName = new Map(plan.services.map((service) => [service.name, service]));
  const chosen = new Set<string>();
  const visit = (name: string) => {
    if (chosen.has(name)) return;
    const service = byName.get(name);
    if (!service) throw new UsageError(`--only: no service named "${name}" in ${plan.source} (services: ${[...byName.keys()].join(', ')})`);
    chosen.add(name);
    service.needs.forEach(visit);
  };
  only.forEach(visit);
  return plan.services.filter((service) => chosen.has(service.name));
}
