/**
 * US-dollar amounts as the rest of Themis prints them: "$52,000", "$1,234.50". Sums are taken in
 * whole cents so a total of itemised lines equals the lines exactly (no 0.1 + 0.2 drift).
 */
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 0 });

const toCents = (amount: number): number => Math.round(amount * 100);

export function formatUsd(amount: number): string {
  const cents = toCents(amount);
  return cents % 100 === 0 ? usdWhole.format(cents / 100) : usd.format(cents / 100);
}

export function sumUsd(amounts: readonly number[]): number {
  return amounts.reduce((total, amount) => total + toCents(amount), 0) / 100;
}
