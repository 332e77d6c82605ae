/** Friendly, diverse first names for customers when a level gives none. Used in turn. */
export const DEFAULT_NAMES: readonly string[] = [
  'Amara', 'Luis', 'Mei', 'Tomasz', 'Priya', 'Kwame', 'Sofia', 'Hiro', 'Fatima', 'Ole',
  'Chloe', 'Arjun', 'Zanele', 'Mateo', 'Yuki', 'Omar', 'Ingrid', 'Kofi', 'Lucia', 'Dmitri',
  'Aisha', 'Ben', 'Leilani', 'Rafael', 'Noor', 'Sven', 'Ana', 'Tariq', 'Emma', 'Jun',
  'Nadia', 'Pedro', 'Grace', 'Ravi', 'Olga', 'Malik', 'Isla', 'Chen', 'Femi', 'Lena',
  'Diego', 'Hana', 'Samuel', 'Ayesha', 'Niko', 'Rosa', 'Idris', 'Freya', 'Thanh', 'Marta',
];
