import type { ViewMatch } from '../view/model';

/** What the card's buttons do; each surface (content script, popup) supplies its own. */
export interface CardActions {
  openSection(m: ViewMatch): void;
  copyCitation(m: ViewMatch): Promise<boolean>;
}
