import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';

/** The program file with the indicator linked, or why it cannot be. */
export type EffectLinkWrite = { readonly kind: 'written'; readonly text: string; readonly isChanged: boolean } | { readonly kind: 'refused'; readonly message: string };

/**
 * Adds an indicator to an effect's `indicators` list in a program file's
 * text, and changes nothing else: comments, order and style of the rest stay
 * as they were (the program's own editor owns the rest of the file). An
 * indicator already listed leaves the text as it is.
 *
 * @example
 * linkIndicatorToEffect(text, 'minder-criminaliteit', 'fietsendiefstallen');
 * // effects: - id: minder-criminaliteit ... indicators: [..., fietsendiefstallen]
 */
export function linkIndicatorToEffect(programText: string, effectId: string, indicatorId: string): EffectLinkWrite {
  const document = parseDocument(programText);
  if (document.errors.length > 0 || !isMap(document.contents)) {
    return { kind: 'refused', message: 'het programmabestand is geen geldige YAML: herstel het eerst' };
  }
  const effects = document.contents.get('effects', true);
  const effect = isSeq(effects) ? effects.items.find((item): item is YAMLMap => isMap(item) && String(item.get('id')) === effectId) : undefined;
  if (effect === undefined) return { kind: 'refused', message: `het programma heeft geen effect "${effectId}": kies een effect uit de lijst` };
  const indicators = effect.get('indicators', true);
  if (indicators === undefined) {
    effect.set('indicators', document.createNode([indicatorId], { flow: true }));
  } else if (isSeq(indicators)) {
    if (indicators.items.some((item) => isScalar(item) && String(item.value) === indicatorId)) return { kind: 'written', text: programText, isChanged: false };
    indicators.add(document.createNode(indicatorId));
  } else {
    return { kind: 'refused', message: `"indicators" van effect "${effectId}" is geen lijst: herstel het programmabestand eerst` };
  }
  return { kind: 'written', text: document.toString({ lineWidth: 0 }), isChanged: true };
}
