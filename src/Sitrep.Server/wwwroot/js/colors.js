// Event colours by what they mean for people on the ground (legend on the map).
export const groups = [
  { name: 'Violence', color: '#c62828', test: (e) => ['Battles', 'Explosions/Remote violence', 'Violence against civilians'].includes(e.acledEventType) || e.type === 'MOB_VIOLENCE' },
  { name: 'Access blocked', color: '#ef6c00', test: (e) => ['BLOCKADE', 'RESTRICTION', 'CROSSING_CLOSED', 'AID_DENIED', 'AID_SUSPENDED'].includes(e.type) },
  { name: 'Aid and access', color: '#2e7d32', test: (e) => e.type.startsWith('AID') || ['BLOCKADE_LIFTED', 'RESTRICTION_EASED', 'CROSSING_OPENED', 'EVACUATION'].includes(e.type) },
  { name: 'Protests and riots', color: '#6a1b9a', test: (e) => ['Protests', 'Riots'].includes(e.acledEventType) },
  { name: 'Political and other', color: '#1565c0', test: () => true },
];

export function groupOf(event) {
  return groups.find((g) => g.test(event));
}

export const statusColors = { besieged: '#b71c1c', partially_besieged: '#ef6c00', accessible: '#2e7d32', closed: '#b71c1c', restricted: '#ef6c00', open: '#2e7d32' };
