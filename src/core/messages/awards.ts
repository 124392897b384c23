/** The words of the special awards: refusals when one cannot be given or withdrawn. */
import { defineMessages } from './catalog.ts';

export const awardsMessages = defineMessages('awards', {
  categoryNotInEvent: {
    id: (p: { categoryId: string }) => `Kategori "${p.categoryId}" tidak ada di acara ini.`,
    en: (p) => `Category "${p.categoryId}" is not in this event.`,
  },
  nomineeOfOtherCategory: {
    id: (p: { nomineeName: string }) =>
      `${p.nomineeName} bukan nominasi kategori ini; penghargaan khusus kategori hanya untuk nominasi kategori itu.`,
    en: (p) => `${p.nomineeName} is not a nominee of this category; a category's special award goes to one of its nominees.`,
  },
  noSuchSpecialAward: {
    id: (p: { name: string }) => `Tidak ada penghargaan khusus "${p.name}" yang dapat dicabut.`,
    en: (p) => `There is no special award "${p.name}" to withdraw.`,
  },
});
