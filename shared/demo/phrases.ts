/**
 * Sentences for the generated part of the demo stream: everyday mentions and direct messages that
 * keep arriving as the clock moves on. A generated mention is an opener, a topic line, sometimes a
 * question and a closing word; each list is drawn from without repeats until it runs out.
 */
import type { PersonKey, Topic } from './people';

export interface TopicBank {
  readonly tags: readonly string[];
  readonly lines: readonly string[];
  readonly asks: readonly string[];
}

export const TOPIC_BANKS: Readonly<Record<Topic, TopicBank>> = {
  garden: {
    tags: ['gardening', 'communitygarden', 'allotment'],
    lines: [
      'The broad beans finally came up after that cold snap, all twelve of them, standing in a row like tiny soldiers.',
      'I moved the rhubarb to the shady corner and it has never looked happier.',
      'Our compost heap was steaming in the morning frost, which I choose to read as gratitude.',
      "The community garden's new water butt filled up in a single night of rain.",
      'Planted garlic in the rain today. My socks will never recover, but the garlic will be glorious.',
      'A robin followed me around the beds all afternoon while I was digging. Best gardening companion there is.',
      'The apple tree we grafted last spring has its first three blossoms.',
      'Harvested the last leeks and made a soup that tasted like the whole of autumn.',
      'The sweet peas have finally found the trellis and are climbing like they mean it.',
      'Spent the morning weeding the herb bed with the radio on. The thyme smells incredible after rain.',
      'We swapped our lawn for a wildflower patch last year, and this morning it was full of bumblebees.',
      'Someone left a crate of spare seedlings at the garden gate with a note saying “help yourself”. I love this town.',
    ],
    asks: [
      'Do you still have any of those Cherokee Purple seeds?',
      'How did your lettuces do after the slug invasion?',
      'Any tips for keeping pigeons off the cabbages?',
      'Are you coming to the garden work day on Saturday?',
    ],
  },
  bike: {
    tags: ['bikerepair', 'cycling', 'bikecommute'],
    lines: [
      'Replaced my chain today and the bike feels brand new. Shifting like butter.',
      'Rode to work along the river again. The fog was so thick that the bridges disappeared halfway across.',
      'The repair stand outside the library finally has a working pump again.',
      'Fitted mudguards this weekend. My back thanks me every rainy morning.',
      'Learned to true a wheel properly this week. It is oddly meditative.',
      'The new bike lane on Harbour Street opened and it is wonderful: wide, separated, and full of kids on scooters.',
      'Cleaned and oiled the chain after a week of rain. It stopped sounding like a rusty gate.',
      'Took the long way home past the orchards. Twenty extra minutes, zero regrets.',
      'Finally fixed the rattling mudguard with a single zip tie. Engineering.',
      'Did my first proper night ride with the new dynamo light. It feels like carrying a small moon.',
      'The bike shed at work now has a pump and a tyre lever on a string. A tiny revolution.',
    ],
    asks: [
      'Did the clicking in your back wheel ever go away?',
      'Which tyres did you end up getting for the winter?',
      'Fancy a slow Sunday ride out to the lake?',
      'Do you know anyone selling a child seat?',
    ],
  },
  books: {
    tags: ['bookclub', 'reading', 'books'],
    lines: [
      'Started “Piranesi” on the train and nearly missed my stop twice.',
      "The library's book sale had a whole box of Le Guin paperbacks for a euro each.",
      'I finally finished the Kemmer chapters and I need to talk to someone about them.',
      'Our book club is thinking about reading “Braiding Sweetgrass” next.',
      'Reading a poem on my lunch break this week instead of scrolling. Twenty minutes, one poem, a lot of quiet.',
      'Found a pressed flower and a bus ticket from 1987 in a second-hand book today. Best bookmark ever.',
      'Reread “A Wizard of Earthsea” over the weekend. It is a different book when you are forty.',
      'The second-hand bookshop by the station has a cat asleep in the poetry section. I bought nothing and stayed an hour.',
      'Finished a novel in one sitting for the first time in years. I had forgotten how good that feels.',
      'Started keeping a notebook of favourite sentences from what I read. It is filling up fast.',
      'Our library started a seed library next to the cookbooks. Books and tomatoes, side by side.',
    ],
    asks: [
      'What are you reading this week?',
      'Could I borrow your copy of “The Dispossessed” after Sunday?',
      'Are you bringing questions to book club this time?',
      'Have you read anything by Mary Oliver?',
    ],
  },
  summit: {
    tags: ['SummitUp', 'slowsocial'],
    lines: [
      'Still thinking about the hallway conversations from SummitUp. The best part of any conference.',
      'The SummitUp recordings are up, and this year the captions have been properly edited.',
      "I started batching my replies twice a day after your talk. Three weeks in, I'm sleeping better.",
      "We're collecting ideas for next year's quiet room at SummitUp: plants, low light, no laptops.",
      'Our team read your slow social slides together over lunch and it turned into an hour-long conversation.',
      'Watched your SummitUp talk again with my team, and we agreed to stop answering email after six.',
      'The SummitUp volunteers’ group chat is still going strong a month later, mostly photos of lunches.',
      'Finally wrote up my notes from SummitUp. The phrase I underlined three times was “consistency, not bursts”.',
      'Someone at work asked where my “be the postman, not the fire alarm” sticky note came from. I pointed them your way.',
      'The SummitUp quiet room inspired us to try a no-meeting morning at the office.',
    ],
    asks: [
      'Would you be up for a short interview for the SummitUp newsletter?',
      'Are you sending in a proposal for next year?',
      'Could I share your slides with our volunteer group?',
    ],
  },
  bakery: {
    tags: ['baking', 'sourdough', 'CrumbAndCo'],
    lines: [
      'The rye with sunflower seeds at Crumb & Co. sold out by nine this morning.',
      'The smell of the morning bake reaches our street by five. Best alarm clock there is.',
      "The bakery's new cardamom knots are dangerous. I bought four. For the household. (I live alone.)",
      'My sourdough starter turns two this week. Her name is Gloria and she is thriving.',
      'Tried the apricot and almond tart at Crumb & Co. and had to sit down for a moment.',
      'Crumb & Co. now sells day-old bread at half price after four. Bread pudding season has begun.',
      'Had a long chat with Rafa about rye flour this morning. I now know more about rye than I ever expected.',
      'The queue at the bakery this morning was all neighbours, all chatting. Best ten minutes of waiting.',
      'Baked focaccia with rosemary from the garden. The whole street smelled of it.',
      'Crumb & Co. started a little shelf of free bread for anyone who needs it. No questions asked.',
    ],
    asks: [
      'Will you come to the bread tasting on Saturday afternoon?',
      'Want to split a loaf on Saturday?',
      "What's your favourite thing on the bakery's Friday menu?",
    ],
  },
  oss: {
    tags: ['opensource', 'maintainers', 'calmcal'],
    lines: [
      'Closed thirty-two stale issues today with a kind note on each. It felt like clearing out a shed.',
      'Our contributor guide finally says, in big letters, that maintainers are allowed to take holidays.',
      "Merged my first pull request to a project I've used for ten years. My hands were shaking.",
      'We tried issue office hours on Tuesdays and the weekend pings dropped to almost nothing.',
      'Wrote a test for a leap-second bug today. I hope nobody ever needs it.',
      "Updated the dependencies across four repositories and nothing broke. Suspicious, but I'll take it.",
      'Paired with a first-time contributor today. Watching the tests go green on their first pull request never gets old.',
      'Spent the afternoon deleting code instead of writing it. The project is lighter and so am I.',
      'Put a “maintainer on holiday” banner on the repository and the world did not end.',
      'Wrote the release notes in plain language for once. People actually read them.',
      'Our project got its first donation, from a public library in Finland. I am unreasonably moved.',
    ],
    asks: [
      "How do you decide which issues to close as won't-fix?",
      'Would you review a small docs pull request for calmcal when you have time?',
      'Would you like to pair on a tricky time zone bug next week?',
    ],
  },
  choir: {
    tags: ['choir', 'singing'],
    lines: [
      'The basses finally found the low D in the Brahms. The whole room cheered.',
      'Warm-up tonight was ten minutes of humming like bees. It works, somehow.',
      'I practised my part in the car and got a thumbs-up from a stranger at the traffic lights.',
      'The heating in the church hall is fixed, so we can take our scarves off at rehearsal.',
      'Our choir is singing at the hospice on Sunday afternoon. Quiet songs, mostly.',
      'The sopranos brought cake to rehearsal and now everyone wants to be a soprano.',
      'Sang the Brahms in the shower this morning. The acoustics are excellent; the neighbours disagree.',
      'We sang the hardest bar twenty times tonight, and the twenty-first was beautiful.',
      "Found an old recording of my grandmother's choir from 1962. It is the same hymn we are learning now.",
      'The new altos are brilliant. Two weeks in and they already lead the warm-up.',
    ],
    asks: [
      'Are you coming to the extra sectional on Saturday?',
      'Could you send me your pencil markings for the second page?',
      'Do you have a spare copy of the score?',
    ],
  },
  everyday: {
    tags: ['slowliving', 'smallthings'],
    lines: [
      'Went for a walk without my phone. Saw a heron, two very dramatic crows, and a man teaching his grandson to whistle.',
      'Made soup for the neighbours today. Nobody asked; everybody ate.',
      'Wrote an actual letter, on paper, to my aunt. It took an hour and I loved every minute of it.',
      'The sunrise over the allotments this morning was pink and gold and gone in five minutes.',
      'Switched my phone to greyscale for a week. It is strangely calming.',
      'Fixed the wobbly kitchen chair with a folded beer mat and a lot of patience.',
      'My neighbour and I now swap newspapers over the fence every morning.',
      'Sat on a bench by the river for half an hour doing nothing at all. Highly recommended.',
      'Learned the names of the three old men who play chess in the park. They let me watch.',
      'Tidied one drawer today. Just one. It feels like a fresh start.',
      'Cooked a proper Sunday lunch for friends. Nobody looked at a phone for three hours.',
      'The first swifts are back over the rooftops. Summer is officially on its way.',
    ],
    asks: [
      'How is your week going, honestly?',
      'Coffee soon?',
      'Did you try the phone-free Sunday in the end?',
    ],
  },
};

/** Every opener mentions the user. */
export const OPENERS: readonly string[] = [
  '@you',
  'Hey @you!',
  'Morning, @you!',
  'Hello @you 👋',
  '@you, a small happy thing:',
  '@you, news from my corner:',
  'Thought of you today, @you.',
];

export const CLOSERS: readonly string[] = [
  'No rush at all.',
  'Hope your week is gentle.',
  'Talk soon!',
  '🌱',
  'Answer whenever you like. I know you batch your replies 🙂',
  'Hugs from the other side of town.',
];

export interface DirectMessageScript {
  readonly text: string;
  readonly lang?: string;
  /** Who may send it; default: anyone the user talks with. */
  readonly from?: readonly PersonKey[];
}

export const DIRECT_MESSAGES: readonly DirectMessageScript[] = [
  {
    text: '@you are we still on for coffee on Thursday? I found a place that does proper flat whites and plays no music at all.',
  },
  { text: "@you I'm returning your bike pump tomorrow. Sorry it took three weeks 🙈" },
  {
    text: '@you a private question: would you be a reference for my volunteer application at the community garden? Totally fine to say no.',
  },
  {
    text: "@you thank you for the chat yesterday. I've been thinking about what you said about saying no kindly.",
  },
  {
    text: "@you I have a spare ticket for the choir's hospice concert, if you'd like to come and listen for once.",
    from: ['nadia', 'fatima', 'noah', 'ruth'],
  },
  {
    text: '@you my mum loved the scones recipe. She wants to know whether the secret really is grated frozen butter.',
  },
  {
    text: "@you I'm organising a small surprise for Grace's birthday at book club. Could you bring candles?",
    from: ['olga', 'hana', 'chloe'],
  },
  { text: '@you can I call you this weekend? Nothing urgent, I just miss our long talks.' },
  {
    text: '@you here is the draft of my SummitUp proposal: https://summitup.example/drafts/b7f2 Be honest, but be gentle 🙂',
    from: ['kwame', 'ade', 'chloe'],
  },
  {
    text: '@you Jonas says you know a good place for second-hand bike lights?',
    from: ['tomek', 'marek', 'liam'],
  },
  {
    text: "@you I'm moving flats next month and my fig tree needs a new home. Interested? It is very dramatic about change.",
  },
  { text: "@you your postcard arrived! It's on the fridge now, next to the dentist appointment." },
  { text: "@you I've left a jar of the bakery's apricot jam at your door. Don't ask, just enjoy." },
  {
    text: '@you do you have the code for the community garden shed? The padlock changed again.',
    from: ['mira', 'amara', 'sam', 'ines', 'elena'],
  },
  {
    text: "@you privately: I'm stepping back from the calmcal docs for a while. I wanted you to hear it from me first.",
    from: ['kenji', 'meilin', 'lukasz', 'arjun'],
  },
  {
    text: "@you thank you for noticing I'd gone quiet. I'm okay, just tired. Your message helped more than you know.",
  },
  {
    text: '@you the alto folders are at my place; pick yours up whenever you pass by.',
    from: ['ruth', 'nadia'],
  },
  {
    text: "@you would you read my first short story? It's four pages long and I'm terrified.",
  },
  {
    text: "@you I made too much lentil soup again. Want a jar? I'll drop it by on my way to work.",
  },
  { text: '@you just checking in. No need to reply quickly; I know you batch your messages 🙂' },
  {
    text: "@you I found your scarf at book club. It's safe with me until Sunday.",
    from: ['grace', 'olga', 'hana', 'chloe'],
  },
  {
    text: '@you would you like to come to the lantern walk on Friday? It starts at the old harbour at seven.',
  },
  {
    text: "@you I'm nervous about my talk next week. Could we do a run-through on Thursday evening?",
    from: ['kwame', 'ade', 'chloe', 'priya'],
  },
  {
    text: '@you thank you for recommending the bike shop. They fixed my gears in ten minutes and refused to charge me.',
  },
  {
    text: "@you could you water my tomatoes on Saturday? I'm away for the weekend and they are very needy.",
    from: ['mira', 'amara', 'sam', 'ines', 'elena'],
  },
  {
    text: "@you Mira told me you're thinking about the keynote. Whatever you choose, I'll be in the front row.",
    from: ['kwame', 'ade', 'chloe'],
  },
  { text: '@you I finally tried answering messages only twice a day. My head feels roomier.' },
  {
    text: '@you hast du am Samstag Zeit, das Altsolo noch einmal durchzugehen? Ich bringe Kuchen mit.',
    lang: 'de',
    from: ['leonie', 'anja'],
  },
  {
    text: '@you ¿te guardo una barra de centeno para el sábado? Quedan pocas.',
    lang: 'es',
    from: ['lucia', 'rafa', 'pablo'],
  },
];
