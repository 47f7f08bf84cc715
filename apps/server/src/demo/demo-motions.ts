import type { MotionInput, MotionPointStatus } from '@koers/domain';

/**
 * Diemen's council motion on steering the work (seed 004), with its seven
 * action points and the college's interim response per point, verbatim. The
 * motion was adopted during the debate on the 2021 budget; its date, the
 * quarter of the response and the status per point are chosen for the demo.
 */
export const diemenMotion: MotionInput = {
  id: 'motie-sturing-op-uitvoering',
  kind: 'motion',
  reference: 'Motie begroting 2021',
  title: 'Sturing op uitvoering',
  adoptedOn: '2020-11-12',
  text: 'Tijdens de begrotingsbehandeling is een motie aangenomen waarbij wij hebben opgeroepen om in dit uitvoeringsplan de volgende acties op te nemen:',
  points: [
    {
      number: 1,
      text: 'Uitgangspunt is enkel wettelijk verplichte adviezen. Overige externe adviezen worden voorgelegd aan de portefeuillehouder en of het college en worden voorzien van een scherpe opdrachtformulering;',
      links: [{ programId: 'samen-besturen', taskId: 'sturing-op-uitvoering' }],
    },
    {
      number: 2,
      text: 'Het college komt met een voorstel om de budgetregeling aan te scherpen. Wat niet uitgegeven wordt hoeft ook niet te worden bezuinigd;',
      links: [{ programId: 'samen-besturen', taskId: 'sturing-op-uitvoering' }],
    },
    {
      number: 3,
      text: 'Zorgt ervoor dat er een vertaling van de beleidsuitgangspunten die door de raad zijn vastgesteld opgenomen worden in de teamplannen en daarmee in de werkplannen die leidend zijn voor de uitvoering afgestemd op de ‘visie’ van het bestuur/gemeente. Staat het niet in het werkplan dan doen we het niet. Daar is ook een rol voor ons als raad weggelegd. Als de raad buiten de afspraken om graag zaken wil oppakken dat betekent het ook dat andere zaken niet opgepakt kunnen worden.',
      links: [{ programId: 'samen-besturen', taskId: 'sturing-op-uitvoering' }],
    },
    {
      number: 4,
      text: 'In de werkplannen is basis op orde uitgangspunt, dan wettelijke taken, dan uitvoering en dan eventueel (nieuw)beleid;',
      links: [{ programId: 'samen-besturen', taskId: 'sturing-op-uitvoering' }],
    },
    {
      number: 5,
      text: 'De mandaatregeling wordt aangepast. Via het college wordt bepaald wat in mandaat wordt gegeven;',
      links: [{ programId: 'samen-besturen', taskId: 'sturing-op-uitvoering' }],
    },
    {
      number: 6,
      text: 'Over deze afspraken rapporteert het college ieder kwartaal richting raad (vanaf zomer 2021);',
      links: [{ programId: 'samen-besturen', taskId: 'sturing-op-uitvoering' }],
    },
    {
      number: 7,
      text: 'Met de afspraken een bezuiniging van 200.000 euro aanvullend op de reeds bestaande taakstellingen te realiseren.',
      links: [{ programId: 'samen-besturen', taskId: 'sturing-op-uitvoering' }],
    },
  ],
};

/** The quarter of the college's interim response (tussenbericht). */
export const diemenMotionResponseQuarter = '2020-Q4';

/** The college's interim response per point, with the status the demo gives it. */
export const diemenMotionResponses: readonly {
  readonly pointNumber: number;
  readonly status: MotionPointStatus;
  readonly response: string;
}[] = [
  {
    pointNumber: 1,
    status: 'completed',
    response:
      'Uitgangspunt zoals verwoord in motie wordt overgenomen. Inmiddels is op MT niveau de afspraak gemaakt dat bespreking in portefeuillehoudersoverleg plaatsvindt op basis van een analyse of en zo ja waarom niet-wettelijk advies noodzakelijk is;',
  },
  {
    pointNumber: 2,
    status: 'in_progress',
    response:
      'In Q2 wordt bezien hoe doelstelling van motie in relatie tot voorgestelde aanscherping van budgethoudersregeling gerealiseerd kan worden dan wel op andere wijze de beoogde doelstelling (beter) geborgd kan worden. Hierbij zal ook gekeken worden naar verbanden met de dan geactualiseerde mandaatregeling. Budgethouders zijn er op gewezen om extra kritisch te zijn bij het verlenen van opdrachten (zowel naar noodzaak, als naar omvang en prijs). Een en ander uiteraard met inachtneming van de reeds geldende inkoop- en aanbestedingsregels die ook bijdragen aan marktconforme prijstelling van opdrachten;',
  },
  {
    pointNumber: 3,
    status: 'in_progress',
    response:
      'De beleidsuitgangspunten zoals verwoord in de begroting vormen de basis voor de teamplannen. Doel is de teamplannen in 2021 verder te verfijnen waardoor deze meer (in)zicht bieden in de te realiseren producten en doelstellingen en bijbehorende activiteiten. De concept-teamplannen 2021 worden op 27 januari in MT besproken. Monitoring van voortgang van teamplannen zal op kwartaalbasis gebeuren tijdens gesprekken tussen MT-leden en teamleiders en bespreking van de resultaten daarvan in MT en portefeuillehoudersoverleggen;',
  },
  {
    pointNumber: 4,
    status: 'in_progress',
    response:
      'Volgorde van prioriteitstelling zoals verwoord in motie is ook uitgangspunt van de teamplannen. Waar nodig zal met portefeuillehouder/college het gesprek worden aangegaan om te (her-)prioriteren. Op het moment dat college of raad voornemens zijn nieuw beleid vast te stellen, zullen de consequenties voor middelen c.a. hiervan vooraf door de organisatie in beeld worden gebracht;',
  },
  {
    pointNumber: 5,
    status: 'in_progress',
    response: 'Voorstel voor geactualiseerde mandaatregeling wordt voor 1 maart 2021 aan college aangeboden;',
  },
  {
    pointNumber: 6,
    status: 'in_progress',
    response:
      'Eerste rapportage als hier bedoeld is voorzien voor de 1e raadscyclus na de zomervakantie. Intern wordt inmiddels bezien of een digitale tool die de voortgang van een aantal onderdelen van teamplannen monitort in de loop van 2021 (door)ontwikkeld kan worden en als basis kan dienen voor het genereren van info die in de rapportage (maar bijvoorbeeld ook ten behoeve van de raadsrapportage) kan worden ingezet;',
  },
  {
    pointNumber: 7,
    status: 'in_progress',
    response:
      'Op 11 december jl heeft MT besloten in januari tijdens een heisessie meer specifiek op dit onderwerp van gedachten te wisselen.',
  },
];
