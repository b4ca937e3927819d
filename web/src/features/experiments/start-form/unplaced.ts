import type { FieldErrors, FieldValues } from 'react-hook-form';

/** Every message in a form's errors, by its dotted field path ("phases.passive.plannedStart"). */
export function errorMessages<V extends FieldValues>(errors: FieldErrors<V>): [string, string][] {
  const found: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    // A leaf (react-hook-form's FieldError) has a type; a group holds its fields' errors.
    if ('type' in node && typeof node.type === 'string') {
      if ('message' in node && typeof node.message === 'string' && node.message)
        found.push([path, node.message]);
      return;
    }
    for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(errors, '');
  return found;
}
