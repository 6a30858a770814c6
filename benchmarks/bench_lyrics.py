"""Lyrics written from descriptions: the lyrics for reading, then figures.

    PYTHONPATH=src python benchmarks/bench_lyrics.py [--seeds 2] [--quiet] [--set tuned|heldout|both|validation|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|fresh17|fresh18|fresh19|fresh20|fresh21|fresh22|kinds|kinds2|kinds3|kinds4|kinds5|kinds6|kinds7|kinds8|kinds9|kinds10|kinds11|kinds12|kinds13|kinds14|kinds15|kinds16|kinds17|kinds18|kinds19|kinds20|kinds21|kinds22|kinds23|kinds24|kinds25|kinds26|kinds27|kinds28|kinds29|kinds30|kinds31|kinds32|kinds33|kinds34|kinds35|kinds36|kinds37|kinds38|kinds39|kinds40|kinds41|kinds42|kinds43|kinds44|kinds45|kinds46|kinds47|kinds48|kinds49|kinds50|moods|styles]
    PYTHONPATH=src python benchmarks/bench_lyrics.py [--seeds 2] [--quiet] [--set tuned|heldout|both|validation|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|fresh17|fresh18|fresh19|fresh20|fresh21|fresh22|kinds|kinds2|kinds3|kinds4|kinds5|kinds6|kinds7|kinds8|kinds9|kinds10|kinds11|kinds12|kinds13|kinds14|kinds15|kinds16|kinds17|kinds18|kinds19|kinds20|kinds21|kinds22|kinds23|kinds24|kinds25|kinds26|kinds27|kinds28|kinds29|kinds30|kinds31|kinds32|kinds33|kinds34|kinds35|kinds36|kinds37|kinds38|kinds39|kinds40|kinds41|kinds42|kinds43|kinds44|kinds45|kinds46|kinds47|kinds48|kinds49|kinds50|moods|styles]
    PYTHONPATH=src python benchmarks/bench_lyrics.py [--seeds 2] [--quiet] [--set tuned|heldout|both|validation|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|fresh17|fresh18|fresh19|fresh20|fresh21|fresh22|kinds|kinds2|kinds3|kinds4|kinds5|kinds6|kinds7|kinds8|kinds9|kinds10|kinds11|kinds12|kinds13|kinds14|kinds15|kinds16|kinds17|kinds18|kinds19|kinds20|kinds21|kinds22|kinds23|kinds24|kinds25|kinds26|kinds27|kinds28|kinds29|kinds30|kinds31|kinds32|kinds33|kinds34|kinds35|kinds36|kinds37|kinds38|kinds39|kinds40|kinds41|kinds42|kinds43|kinds44|kinds45|kinds46|kinds47|kinds48|kinds49|kinds50|moods|styles]

        [--readings benchmarks/lyrics_readings.json]

For each description (and seed) the default full-song form is written with
``write_song``; printed per song: share of the description's content words that
appear (any of their forms), title in the chorus, rhyme rate of couplets (lines
1-2, 3-4, ... of each section, the chorus's title lines left out: they are a refrain),
syllable fit (share of lines within 2 syllables of the plan, mean absolute
difference), stress (share of lines with every main stress on a strong beat, counted back
from the line's last stress), repeated lines outside the chorus, CPU seconds; with
``--seeds 2`` also the share of lines two variants share (seed 1 written as ``lyric_variants`` writes the second
variant: avoiding the first's lines).

``--readings FILE``: lines judged by reading (``{description: {line: "N"|"F"|"ok"}}``; N nonsense: not
English, or false to the description or the song (another setting, a "you" nobody is, a broken point of view
or tense); F filler: true but could close any song, or a stock frame with a description word in it ("the
winter is in the air"); every distinct line of a song counted once, the chorus's title line included): the
count of nonsense and filler lines, and the lines nobody has judged yet (printed, to be read).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

from topline.music.lyrics import parse_lyrics
from topline.music.lyrics.phonetics import rhymes
from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import count_syllables, default_form, end_word, stress_misses, sung_lines, write_song

DESCRIPTIONS = (
    "driving home after a night shift",
    "my grandmother's kitchen on a Sunday morning",
    "leaving a small town for the first time",
    "a breakup over text message",
    "a summer festival with friends",
    "a soldier's letter to his wife",
    "a dog that waits by the door",
    "rain in the city at night",
    "moving into my first apartment",
    "a lighthouse keeper alone on an island",
)
# Held out: written before the writer's 2026-12-06 changes (typed slots, supported themes, point of
# view) and never tuned on; read them to judge whether lines are nonsense or filler.
HELDOUT = (
    "my sister's wedding by the lake",
    "a nurse on the night ward during the storm",
    "two old friends meeting again after twenty years",
    "a marathon runner hitting the wall at mile twenty",
    "losing my grandfather's watch on the train",
    "a fisherman's last trip before retirement",
    "first day at a new school in a foreign country",
    "an astronaut looking back at the earth",
    "a cat asleep in the afternoon sun",
    "protesting in the square for our rights",
    "a teenager who can't sleep before the final exam",
    "autumn leaves falling in the park where we met",
    "a baker opening his shop at dawn",
    "a farmer praying for rain in a dry summer",
    "waiting for test results at the hospital",
    "a long distance relationship over video calls",
    "the night our team won the championship",
    "a mother singing her baby to sleep",
    "moving back in with my parents after losing my job",
    "a truck driver crossing the desert alone",
    "getting lost in Tokyo without a phone",
    "a kid building a treehouse with his father",
    "the last dance at a high school prom",
    "a widow planting roses in her late husband's garden",
)
# Validation: written 2026-12-06 before the content-guarantee changes (lyrics2) and never tuned on:
# only measured before and after, and read for nonsense or filler lines.
VALIDATION = (
    "a beekeeper checking her hives in the spring",
    "two brothers fixing an old car in the garage",
    "my grandmother teaching me to bake bread",
    "waking up in a hotel room in Berlin",
    "a street musician playing for coins in the subway",
    "the first snow of winter in a mountain village",
    "a student studying all night in the library",
    "my best friend moving to another country",
    "a boxer training for his last fight",
    "a girl teaching her little brother to ride a bike",
    "selling my childhood home",
    "a pilot flying over the ocean at sunrise",
    "a couple dancing in the kitchen at midnight",
    "a gardener waiting for the first tomatoes of july",
    "an old man feeding pigeons in the park",
    "my father's old guitar in the attic",
    "a hot dry summer night on the rooftop",
    "a doctor on call through a quiet winter night",
)
# Fresh: written 2026-12-06 04:00 UTC (lyrics3) before reading any output of that session, as users of a
# hosted "add vocals" API write them (short and long, jobs, places, people, events, objects, a mood or
# genre only); never tuned on: read at the start and at the end with the same rule.
FRESH = (
    "a waitress working the late shift at a roadside diner",
    "upbeat summer love song",
    "sad piano ballad",
    "my dad teaching me to fish at the lake when I was seven",
    "a mechanic who fixes everyone's car but his own",
    "energetic rock anthem",
    "a lonely night in a motel off the highway",
    "chill lofi vibes, rainy afternoon",
    "a firefighter's last day before retiring",
    "a coffee shop on a busy monday morning",
    "country song about my old pickup truck",
    "my little daughter's birthday party",
)
# Fresh2: written 2026-12-06 05:15 UTC (lyrics2, second pass) before reading any output of that session, as users
# of a hosted "add vocals" API write them; never tuned on: read at the start and at the end with the same rule.
FRESH2 = (
    "a taxi driver working nights in New York",
    "melancholic indie song about growing up",
    "my mom's old car that finally broke down",
    "a teacher on the last day before summer break",
    "chill beach vibes at sunset",
    "a nurse coming home after a double shift",
    "saying goodbye to my best friend at the airport",
    "heavy metal song about a dragon",
    "a college student homesick in the dorm at night",
    "a grandfather telling stories by the fire",
    "a hiker lost in the mountains during a storm",
    "a baby's first steps in the living room",
)
# Fresh3: written 2026-12-06 06:45 UTC (lyrics, third pass) before running anything on it, as users of a
# Suno-style "add vocals" API write prompts (short tags, a story, genre + mood + theme, a name, a place, a verb
# clause, a time); never tuned on: read at the start and at the end with the same rule.
FRESH3 = (
    "lofi chill beats about my cat",
    "a song about my grandmother's kitchen in Lagos",
    "sad acoustic song about my brother who moved to Canada",
    "upbeat pop song for Maya's birthday",
    "rainy night in Seoul, r&b vibes",
    "the summer I learned to swim",
    "country ballad about a horse named Blue",
    "when we finally paid off the house",
    "dreamy synthpop about driving along the coast at 3am",
    "a fisherman's daughter waiting on the harbor wall",
    "hip hop track about growing up in the Bronx with nothing",
    "a love song for my wife on our tenth anniversary",
)
# Fresh set 4, written 2026-12-06 (lead, third session) before anything ran on it: names with possessives,
# countries and cities, genre compounds, pets with names, times written as digits. For checking only.
FRESH4 = (
    "indie folk song about Nora's first apartment in Dublin",
    "synthwave anthem about racing through Tokyo at midnight",
    "a country ballad for my dad who fixed tractors his whole life",
    "trap beat, lyrics about working at the warehouse to buy my mom a car",
    "gentle lullaby for baby Theo, stars and the ocean",
    "afrobeats party song about dancing at a wedding in Accra",
    "sad piano song about losing my dog Biscuit last spring",
    "upbeat pop about a road trip across Texas with my best friends",
    "emo rock song about texting my ex at 2am",
    "reggae vibes about fishing with grandpa in Jamaica",
    "cinematic ballad about a soldier writing letters home from Norway",
    "bedroom pop about a crush on the barista at the corner cafe",
)
# Fresh set 5, written 2026-12-06 (lead, fourth session) before anything ran on it, to check the next round of
# the writer on: jobs, weddings, places abroad, a child's song, a sold farm, slang ("she kept the apartment").
FRESH5 = (
    "punk song about getting fired from the pizza place",
    "a wedding song for Priya and Sam, who met on a train to Edinburgh",
    "gospel song about my mother's hands",
    "chill house track about one summer in Ibiza",
    "folk song about the old lighthouse keeper on our island",
    "breakup song, she kept the apartment and I kept the records",
    "motivational gym anthem, never give up",
    "lofi song about studying for finals in the library",
    "slow ballad about my grandfather's farm being sold",
    "kids song about a dinosaur who is afraid of the dark",
    "rap about my first job delivering newspapers in Detroit",
    "jazz song about a rainy Sunday morning in Paris with coffee",
)
# Fresh6: written by the lead on 2026-12-06 (second session of the day) before anything ran on it; the
# lead's checking set, never read by a helper.
FRESH6 = (
    "country song about my dog riding shotgun in my old truck",
    "indie rock song about the night the power went out in our city",
    "r&b slow jam about dancing in the kitchen at 2am",
    "sea shanty about a crew that lost their captain in a storm",
    "pop song about moving to Tokyo alone at nineteen",
    "blues about a broken guitar string and an empty bar",
    "hopeful song about my sister's first day of school",
    "emo song about text messages I never sent",
    "reggae song about fixing bicycles on the beach",
    "synthwave track about driving through neon streets at midnight",
    "lullaby about the moon watching over a sleeping baby",
    "anthem for a small town football team winning the final",
)
# Fresh7: written by the lead on 2026-12-06 21:20 UTC (fifth session of the day) before anything ran on it;
# the checking set of that session: read at its start and its end only, never tuned on.
FRESH7 = (
    "a song about my first car, a rusty blue Honda",
    "dark trap song about betrayal by a friend",
    "acoustic love song about meeting her at a bookstore in Brooklyn",
    "a song for my grandma's 90th birthday",
    "upbeat song about Friday night after a long work week",
    "ballad about a sailor's wife watching the sea",
    "song about my parents' divorce when I was ten",
    "happy reggaeton summer song about the beach in Puerto Rico",
    "a paramedic on the night shift in Chicago",
    "folk song about planting a garden with my kids",
    "indie song about the last summer before college",
    "country song about a small town rodeo",
)
# Fresh8: written by the lead on 2026-12-06 23:50 UTC (sixth session of the day) before anything ran on it;
# the checking set of that session: read at its start and its end only, never tuned on.
FRESH8 = (
    "a song about quitting my corporate job to travel the world",
    "sad song about my cat Milo who got old",
    "hip hop track about growing up in Atlanta with my brothers",
    "pop punk song about getting dumped the night before graduation",
    "country song about fishing with my dad on Sunday mornings",
    "r&b song about falling for my best friend's ex",
    "gospel song about finding hope after losing my job",
    "edm anthem about a summer festival with my friends",
    "ballad about a nurse who holds the hands of the dying",
    "a song for my wife on our tenth anniversary",
    "rock song about a kid who wants to leave his small town and play guitar",
    "latin pop song about dancing with a stranger in Madrid",
)
# Kinds: a tuning set written 2026-12-06 (before anything ran on it) of the kinds of description the
# writer has no bank theme for (a trade, a lullaby, a work song, a team's anthem, a place of work), the
# kinds fresh6 found weak, so that they are tuned here and fresh6 stays a checking set.  (Two of its first
# descriptions were, unnoticed, fresh5's own; replaced by the two first ones here once seen.)
KINDS = (
    "punk song about quitting my job at the call center",
    "gospel song about my grandfather's old church",
    "country song about a truck driver who misses his kids",
    "lullaby for my newborn son",
    "anthem for our high school basketball team",
    "work song for farmers bringing in the harvest",
    "sad piano ballad about my best friend in the hospital",
    "jazz tune about a rainy afternoon in a bookshop",
    "k-pop song about a secret crush in class",
    "acoustic song about a baker who gets up at 4am",
    "rock song about a mechanic fixing up an old Mustang",
    "sunny song about saturday at the farmers market",
)
# Kinds2: a second tuning set of that kind, written 2026-12-06 (second session) before anything ran on it:
# descriptions as users of hosted add-vocals write them (an occasion, a first, a holiday, a hustle).
KINDS2 = (
    "song about my first car",
    "a song for my mom's sixtieth birthday",
    "edm festival anthem about losing yourself in the music",
    "hip hop track about hustling to make it out",
    "love song about meeting someone at a coffee shop",
    "song about graduating from college",
    "christmas song about coming home for the holidays",
    "latin pop song about a summer romance in Barcelona",
    "song about my dad teaching me to drive",
    "song about moving back home after a breakup",
    "gospel song about hope in hard times",
    "late night drive through the city with the windows down",
)
# Kinds3: a third tuning set, written 2026-12-06 (second session, late) before anything ran on it: songs for
# children, a first job, a holiday, a fear.
KINDS3 = (
    "kids song about a little bear who can't find his shoes",
    "nursery song about counting stars before bed",
    "song about my first paycheck",
    "tropical house song about a summer on the Greek islands",
    "kids song about a monster under the bed who is actually nice",
    "country song about a summer job at the county fair",
    "song about the last week of summer vacation",
    "lullaby about a teddy bear keeping watch",
    "upbeat song about starting a new job in the city",
    "reggaeton track about a vacation romance in Puerto Rico",
    "kids song about brushing your teeth",
    "indie pop song about being afraid of the dark",
)
# Kinds4: a tuning set written 2026-12-06 21:15 UTC (fifth session), after reading fresh7 at the start, of
# the kinds of description fresh7 found weak, none of fresh7's own: a friend who betrays, a family breaking up
# seen by a child, an elder's birthday (alive), someone else's life told in their voice, the end of school,
# a job with its own tools, a fair or a sport; so that fresh7 stays a checking set.
KINDS4 = (
    "song about a friend who stabbed me in the back",
    "fake friends and lies, dark hip hop",
    "my best friend stole my girlfriend",
    "when my parents split up and dad moved out",
    "growing up between two houses after the divorce",
    "my grandpa's 80th birthday party",
    "celebrating my mom's retirement after thirty years of teaching",
    "a miner's wife waiting at the pit gate",
    "a soldier's mother waiting for a letter",
    "the last days of senior year before graduation",
    "a truck driver missing his kids on the road",
    "a night security guard at the museum",
    "country song about bull riding at the state fair",
    "a baker's song about her little bakery",
)
# Kinds5: a tuning set written 2026-12-06 21:30 UTC (fifth session) of the commonest prompts of hosted add-vocals
# users that the bank had no theme for (self-love and never giving up, a toxic or cheating partner, jealousy,
# getting sober, mental health, moving on), probed by their theme weights before any lyrics were read.
KINDS5 = (
    "empowering song about loving myself",
    "toxic relationship with a manipulative ex",
    "my boyfriend cheated on me",
    "never give up, motivational",
    "song about being stronger after everything",
    "mental health, feeling lost",
    "getting sober, one year clean",
    "jealous of my ex's new girlfriend",
    "song about moving on after a breakup",
    "long distance relationship, missing her",
    "late night drive thinking about life",
    "single mom working two jobs",
)
# Kinds6: a tuning set written 2026-12-06 21:40 UTC (fifth session) of common prompts whose theme weights showed a
# gap (occasions of the year, dating now, video games, money, a wedding read as "to wed"), probed by their weights
# only before their lyrics were read; none is a checking set's.
KINDS6 = (
    "valentine's day song",
    "new year's eve countdown",
    "wedding first dance song",
    "got ghosted after three dates",
    "situationship that never became real",
    "playing video games all night",
    "rent is due and I'm broke",
    "christmas with the family",
    "halloween party",
    "mother's day song for my mom",
    "happy birthday song for my sister",
    "camping trip in the woods",
)
# Kinds7: a tuning set written 2026-12-06 21:50 UTC (fifth session) of common prompts probed by their theme weights
# (a couple's story, no sleep, a homecoming, an ex, a heartbroken genre) before their lyrics were read.
KINDS7 = (
    "heartbroken country song",
    "growing old together",
    "the day we met",
    "coming home after years away",
    "can't sleep at 3am",
    "missing my ex",
    "first love in high school",
    "dancing all night in the club",
    "a rainy day in London",
    "my dog passed away",
    "a love letter to my hometown",
    "my son leaving for the army",
)
# Moods: a tuning set written 2026-12-06 (third session) before anything ran on it: prompts that name a genre and
# a mood and little else, as users of hosted add-vocals most often write them (the styles set's kind, whose
# lines were half filler).
# Kinds8: a tuning set written 2026-12-06 23:58 UTC (sixth session), after reading fresh8 at the start, of the
# kinds of description fresh8 found weak, none of fresh8's own: an anniversary, a love that is not allowed, a
# breakup on a day that should be happy, someone else's dream in the third person, growing up in a city with
# family, a visitor lost in a city, a trade taught by an elder, faith through a loss; so that fresh8 stays a
# checking set.
KINDS8 = (
    "a love song for my husband on our fifth wedding anniversary",
    "song about being in love with my roommate's girlfriend",
    "emo song about my girlfriend breaking up with me on my birthday",
    "pop song about a girl who dreams of singing on Broadway",
    "rap song about growing up in the Bronx with my cousins",
    "indie song about being a tourist lost in Tokyo",
    "country song about my grandpa teaching me to hunt",
    "gospel song about keeping faith when we lost our house",
    "song for my girlfriend on our first anniversary",
    "sad song about my boyfriend leaving me at the airport",
    "ballad about a firefighter who saves a child",
    "r&b song about a secret love affair at work",
)
# Kinds9: a tuning set written 2026-12-07 00:40 UTC (sixth session) of illness in the family, which the bank had
# no theme for (a cancer, a dementia, a hospital night), none of any checking set's descriptions.
KINDS9 = (
    "my mom's fight with breast cancer",
    "a song for my grandma with dementia who forgets my name",
    "sitting with my dad in the hospital at night",
    "country song about my little brother beating cancer",
    "sad piano song about my grandfather's alzheimer's",
    "a song for my best friend going through chemo",
)
# Kinds10: a tuning set written 2026-12-07 01:00 UTC (sixth session), after the checking sets were read at its
# end, of the everyday prompts the older checking sets stayed flat on (a breakup told plainly, friends on a trip,
# a pet's first snow, a farm sold, a team, a parent's sacrifice, distance, a war story, a new city, a first day,
# feeling invisible), none of any checking set's descriptions.
KINDS10 = (
    "a breakup song where she's the one who left",
    "song about my best friends and our road trip to the coast",
    "chill lofi song about studying late for finals",
    "happy song about my puppy's first snow",
    "sad country song about my daddy's farm being sold",
    "an anthem for my high school's basketball team",
    "rap song about my mom working three jobs to raise us",
    "love song about a long distance girlfriend in Australia",
    "song about my grandpa's stories from the war",
    "indie pop song about moving to a new city and not knowing anyone",
    "a song about my little sister's first day of kindergarten",
    "dark song about feeling invisible at school",
)
# Fresh9: a checking set written 2026-12-07 02:35 UTC (seventh session) before anything ran on it, of prompts as
# users of hosted add-vocals write them and no other set's: read at the session's start and end only, never
# tuned on.
FRESH9 = (
    "sad piano ballad about missing my best friend who moved away",
    "hip hop track about growing up in the projects and making it out",
    "song about my grandma who raised me",
    "a reggae song about island life and ripe mangoes",
    "a worship song about grace and second chances",
    "heartbreak song about finding out he cheated with my cousin",
    "an anthem for the class of 2027 on graduation night",
    "folk song about a lumberjack in the northern woods",
    "a song about playing cards by candlelight when the storm knocked out the power",
    "a duet about two exes who meet again at a wedding",
    "pop punk song about hating my boring office job",
    "a bedtime song about the moon watching over the farm animals",
)
# Fresh10: a checking set written 2026-12-07 05:40 UTC (eighth session) before anything ran on it: read at the
# session's start and its end only, never tuned on.  (Three first drafts were near copies of older sets' descriptions
# and were replaced before their reading: a first paycheck, the last summer before college, brushing teeth.)
FRESH10 = (
    "indie folk song about my dad teaching me to drive in his old pickup",
    "a breakup song where she keeps the dog",
    "upbeat pop song about getting my braces off",
    "a sad song about my brother in prison",
    "song about working the night shift at a gas station",
    "a love song for my husband who works overseas",
    "country song about selling the family farm",
    "a birthday song for my twin sister turning thirty",
    "emo song about sitting alone at lunch",
    "an r&b slow jam about a rainy sunday in bed with you",
    "kids song about a snail who wants to win a race",
    "a rock anthem about a boxer's comeback fight",
)
# Fresh11: a checking set written 2026-12-07 07:58 UTC (ninth session) before anything ran on it: read at the
# session's start and its end only, never tuned on.  (Four first drafts were near copies of older sets' descriptions
# and were replaced before their reading: a grandpa's fishing boat, a slow dance in the kitchen, a best friend
# moving away, a mother with dementia.)
FRESH11 = (
    "a song about the old diner where my parents met",
    "upbeat song about quitting my job to open a food truck",
    "a lullaby for my newborn nephew",
    "r&b song about her perfume still on my pillow",
    "folk song about a mill town after the factory closed",
    "a song about my little brother leaving for college",
    "emo song about a cracked phone screen and a broken heart",
    "country song about a tractor that won't start",
    "a kids song about a penguin who hates the cold",
    "a song about teaching my son to shave",
    "hip hop song about growing up in a small apartment with five siblings",
    "a sad song about selling my guitar to pay rent",
)
# Fresh12: a second checking set written 2026-12-07 08:32 UTC (ninth session), after fresh11's start reading and
# before any change of the session: read at the start and the end only; nothing is changed from its reading, so it
# stays unseen by this session's changes (fresh11's reading did lead to changes).  (Drafts that were near copies of
# older sets' descriptions were replaced before their reading: a garden after a death, a football game, a dinosaur, a
# double shift, a Saturday market.)
FRESH12 = (
    "a song about my grandmother's old sewing machine",
    "punk song about getting kicked out of band practice",
    "a love song about meeting someone at a laundromat",
    "a gospel song about getting through a hard winter",
    "a country song about my neighbor's wind chimes at night",
    "a lullaby about the stars for a baby girl",
    "an indie song about riding the last train home",
    "a breakup song about returning his hoodie",
    "a kids song about a robot who learns to dance",
    "a song about my uncle teaching me to fish off the pier",
    "a pop song about dancing alone in my room",
    "a song about visiting my dad's grave on Father's Day",
)
# Fresh13: a checking set written 2026-12-07 10:45 UTC (tenth session) before anything ran on it: read at the
# session's start and its end only, never tuned on.  (Drafts that were near copies of older sets' descriptions were
# replaced before their reading: a turtle who learns something, working two jobs, a bakery, a summer rooftop.)
FRESH13 = (
    "a song about my mom's handwriting on old recipe cards",
    "blues song about a flat tire in the desert",
    "a kids song about a hedgehog who is afraid of the dark",
    "rap song about selling sneakers out of my trunk",
    "a song for my sister on her wedding day",
    "a folk song about a ferry crossing in the fog",
    "a song about the record store on our street closing down",
    "emo song about a cancelled concert",
    "a song about teaching my grandmother to use a smartphone",
    "a love song about stargazing on a camping trip",
    "a sad song about an empty swing set in the park",
    "an upbeat song about getting my driver's license",
)
# Fresh14: a second checking set written 2026-12-07 12:20 UTC (tenth session) after every change of the session, read
# once on its final tree: an unseen measure of that tree and a start for the next session.  (Drafts that were near
# copies of older sets' descriptions were replaced before their reading: a crush on a barista, a beekeeper, a
# basketball game, a first apartment, test results at the hospital.)
FRESH14 = (
    "a song about my grandpa's old pocket knife",
    "country song about a rodeo clown",
    "a pop song about a crush on the lifeguard",
    "a lullaby about a sleepy whale",
    "a song about moving my mom into a nursing home",
    "punk song about a parking ticket",
    "a love song about dancing at a bus stop in the rain",
    "folk song about a blacksmith's last day at the forge",
    "a hip hop song about my little sister scoring her first goal",
    "a sad song about a dog that's getting old",
    "an upbeat song about painting the kitchen yellow",
    "a song about finding a lost glove on the subway",
)
# Fresh15: a checking set written 2026-12-07 13:35 UTC (eleventh session) before anything ran on it: read at the
# session's start and its end only, never tuned on.  (Drafts that were near copies of older sets' descriptions were
# replaced before their reading: learning to swim, a bookshop afternoon, a brother in the army, a waitress, a snail.)
FRESH15 = (
    "a song about going back to school at forty",
    "country song about a broken porch swing",
    "a lullaby about a little fox in the snow",
    "a song about my father's toolbox",
    "an indie song about a lost cat poster on a lamppost",
    "rock song about a power cut during a heatwave",
    "blues song about a leaky roof",
    "a song about meeting my birth mother",
    "a song about cleaning out my childhood bedroom",
    "an upbeat song about my first day as a mail carrier",
    "a song about the old man next door who waves every morning",
    "a kids song about a giraffe who can't find a hat that fits",
)
# Fresh16: a second checking set written 2026-12-07 15:00 UTC (eleventh session) after every change of the session, read
# once on its final tree: an unseen measure of that tree and a start for the next session.  (Subjects checked against
# the older sets' descriptions before the reading.)
FRESH16 = (
    "a song about a snow day with no school",
    "country song about the garage sale after my divorce",
    "a kids song about a goldfish named Bubbles",
    "a song about karaoke night with my coworkers",
    "an indie song about fireflies in my grandparents' backyard",
    "a song about my first haircut at the barber with my dad",
    "a sad song about doing laundry alone after she left",
    "a hip hop song about skateboarding through the city at night",
    "a love song about sharing ice cream on the pier",
    "a folk song about a bus driver on the last route of the night",
    "a song about flying a kite with my daughter",
    "a rock song about a thunderstorm at the lake house",
)
# Fresh17: a checking set written 2026-12-07 16:30 UTC (twelfth session) by the lead before the session's helpers'
# themes were merged and shown to no helper; read once on the session's final tree: an unseen measure of it.
FRESH17 = (
    "a song about teaching my grandmother to use video calls",
    "a punk song about getting stuck in traffic on the way to my own wedding",
    "a gentle song about the night nurse on the children's ward",
    "a country song about selling the family farm",
    "a song about my best friend moving to another country",
    "an upbeat song about the first warm day of spring at the park",
    "a sad song about the empty chair at christmas dinner",
    "a kids song about a dragon who is scared of the dark",
    "a love song about slow dancing in the kitchen at midnight",
    "a rap song about working two jobs to pay for college",
    "a song about a lighthouse keeper's last night before the light goes automatic",
    "an indie song about riding my bike to the lake in the summer",
)
# Fresh18: a checking set written 2026-12-07 18:55 UTC (thirteenth session) before any change of that session,
# shown to no helper; read on the start and the final tree only.
FRESH18 = (
    "a song about my dad teaching me to drive in an empty parking lot",
    "a breakup song about giving back his hoodie",
    "a folk song about a fisherman waiting out a storm",
    "a kids song about brushing your teeth before bed",
    "a sad song about my old dog who can't climb the stairs anymore",
    "a road trip song with my sisters in a borrowed van",
    "a song from a mother watching her son leave for the army",
    "a love song for my wife on our twentieth anniversary",
    "a song about the last shift at the factory before it closes",
    "a hopeful song about starting over in a new city after a divorce",
    "a funny song about a cat who thinks he owns the house",
    "a soul song about my neighbor who plants flowers on our street every spring",
)
# Fresh19: a checking set written 2026-12-07 20:27 UTC (thirteenth session) by the lead, after fresh18 had been read
# and tuned on in that session: run once at the session's end on the final and the start trees, shown to no helper.
FRESH19 = (
    "a song about my grandpa teaching me to fish off the dock",
    "an angry song about a landlord who never fixes anything",
    "a lullaby for my twin boys",
    "a country song about a high school football game on friday night",
    "a song about a nurse coming home after a long shift to her kids",
    "a love song about a barista who remembers my order",
    "a song about my first day at a new school in a new country",
    "a sad song about a dog waiting at the train station for his owner who never came back",
    "a rock song about quitting a band and going solo",
    "a song about my mother's garden after she passed",
    "an upbeat song about a road trip to the beach with my best friends after graduation",
    "a gospel song about a small church on a hill",
)
# Fresh20: a checking set written 2026-12-07 21:45 UTC (fourteenth session) before any change of the session, to be
# run on the start and final trees and read only at the end; none of the tuning sets' descriptions.
FRESH20 = (
    "a song about my little sister's wedding day",
    "a breakup song about finding out on instagram",
    "a song about working the late shift at a gas station",
    "a lullaby about the moon watching over a sleeping town",
    "an angry rap song about getting my car towed",
    "a sad song about a lighthouse keeper who lost his wife",
    "a happy song about adopting a rescue dog",
    "a folk song about leaving the city to live on a farm",
    "a song about a teenage girl who wants to be a pilot",
    "an uplifting song about beating cancer",
    "a jazz song about a rainy afternoon in a bookstore",
    "a song about my grandfather's old pickup truck",
)
# Fresh21: a checking set written 2026-12-08 00:20 UTC (fifteenth session) before any change of the session, to be
# run on the start and final trees and read only at the end; none of the tuning sets' descriptions.
FRESH21 = (
    "a song about teaching my son to surf",
    "an angry song about a coworker who lied to get my promotion",
    "a reggae song about cooking sunday dinner with my girlfriend",
    "a song about a mailman retiring after forty years on the same route",
    "a sad song about selling my late father's guitar",
    "a hopeful song about getting out of prison and seeing my son again",
    "a pop song about falling for the new girl at the climbing gym",
    "a song about an old woman who talks to the crows in her yard",
    "a kids song about a snowman who wants to see summer",
    "a song about my dad learning to cook after mom got sick",
    "a country song about a stubborn mule that won't cross the river",
    "a punk song about skipping class to play in the garage with my band",
)
# Fresh22: a checking set written 2026-12-08 02:50 UTC (sixteenth session) before any change of the session, to be
# run on the start and final trees and read only at the end; none of the tuning sets' descriptions.
FRESH22 = (
    "a song about the first warm day of spring",
    "a breakup song about dividing up our record collection",
    "a country song about a rodeo rider with a broken arm",
    "a song about learning to drive with my mom in the passenger seat",
    "an r&b song about texting someone at 3am",
    "a sad song about a nurse coming home after a long shift",
    "a rap song about growing up in a small apartment with five brothers",
    "a kids song about a turtle who wants to win a race",
    "a love song about meeting at a laundromat",
    "a song about a fisherman's last trip before winter",
    "an anthem about our high school team winning the state championship",
    "a song about watching my parents dance at their anniversary",
)
# Kinds50: a tuning set written 2026-12-08 03:05 UTC (sixteenth session, the lead) of truth songs where the one who
# lies, breaks or keeps a promise, or is paid back is no lover (fresh21's coworker who lied, read at the end of the
# fifteenth session, had been sung a lover's lies; the truth theme's other kinds had not been checked for that).
KINDS50 = (
    "a song about keeping my promise to my best friend before he died",
    "a song about getting revenge on the bully from high school",
    "a song about finding out my best friend lied to me for years",
    "a rock song about payback for the boss who fired me",
    "a song about a promise I made to my mom to finish school",
    "a country song about finding out my brother stole from our dad",
    "a hip hop song about a friend who snitched on me",
    "a song about keeping the promise I made to my team",
    "a ballad about a secret my grandmother kept for fifty years",
    "a song about finding out my dad had another family",
    "an angry song about a landlord who lied to us",
    "a song about the promise I made my little brother that I'd come home",
)
# Kinds13: a tuning set written 2026-12-07 06:15 UTC (eighth session), after reading fresh10 at its start, of the
# kinds it found weak (a title whose particle turns its sense, someone sung to who is away, a sibling locked up, an
# ex who keeps what was shared, selling a home, an animal in a children's story, a day in bed, a lonely teenager, a
# small milestone), none of fresh10's own; so that fresh10 stays a checking set for the rest.
KINDS13 = (
    "pop song about finally paying off my car",
    "a song for my wife who is deployed with the navy",
    "a song about my dad who drives trucks across the country",
    "a song about my cousin locked up in jail",
    "a song about my ex who got the house",
    "a sad country song about the day we sold the house I grew up in",
    "a kids song about a turtle who learns to swim",
    "a kids song about a frog who wants to fly",
    "a lazy song about staying in bed all day",
    "a sad song about being the new kid nobody talks to",
    "a happy song about learning to ride a bike without training wheels",
    "punk song about getting my wisdom teeth out",
)
# Kinds11: a tuning set written 2026-12-07 02:45 UTC (seventh session), after reading fresh9 at its start, of the kinds
# it found weak (an island song, a hymn of grace, sitting out a storm indoors, exes met again, a partner who cheats
# with someone close, a trade in the hills, a night lullaby, making it out, a friend far away, an office job), none of
# fresh9's own descriptions.
KINDS11 = (
    "a calypso song about a Caribbean beach bar",
    "a gospel song about forgiveness and starting over",
    "a song about being snowed in with my family by the fireplace",
    "a song about running into my ex at the grocery store",
    "a song about seeing my first love again at our class reunion",
    "a breakup song about my boyfriend cheating with my best friend",
    "a folk song about a coal miner in the mountains",
    "a lullaby about the stars watching over the sleeping town",
    "a rap song about coming from nothing and buying my mom a house",
    "a song about a rainy afternoon playing board games with my brother",
    "a country song about my best friend who moved to California",
    "a song about hating Mondays at the office",
)
# Kinds12: a tuning set written 2026-12-07 02:40 UTC (seventh session, helper bank2) before the bank changed, of
# everyday subjects the bank had no theme for (a storm sat out, the bar, food, a music career, pirates, debt, the
# phone, a tattoo, coffee, island life, an ex met again, the mine, a barnyard lullaby) or thin ones (church, the
# office, a friend), none of any checking set's descriptions.
KINDS12 = (
    "a song about riding out a hurricane with my family",
    "country song about whiskey and last call at the bar",
    "a song about taco night with my roommates",
    "rap song about signing my first record deal",
    "a kids song about pirates looking for treasure",
    "a song about drowning in student loans and rent",
    "a song about being addicted to my phone",
    "a song about getting my first tattoo",
    "a chill song about my morning coffee",
    "a calypso song about a hammock under the palm trees",
    "a song about running into my ex at the grocery store",
    "a song about a coal miner's last shift",
    "a lullaby about the stars watching over the sheep and cows",
    "a gospel song about sunday morning at church",
    "a song about another monday at the office",
    "a song about my best friend since first grade",
)
# Kinds14: a tuning set written 2026-12-07 08:05 UTC (helper themesa), for the new phrase-bank themes of subjects the
# bank had no lines for (Halloween, a birthday, New Year's Eve, a holiday family dinner, a summer fling, being
# oneself / coming out), two descriptions each, as users write them; none of the checking sets' descriptions.
KINDS14 = (
    "a spooky kids song about trick or treating",
    "a rock song about a haunted house on Halloween night",
    "a happy birthday song for my best friend turning thirty",
    "a birthday song for my little girl turning five",
    "a new year's eve party song about the countdown to midnight",
    "a sad song about spending New Year's Eve alone",
    "a country song about Thanksgiving dinner with the whole family",
    "a funny song about the relatives at the holiday dinner table",
    "pop song about a summer fling in Greece",
    "a sad song about a holiday romance that ended when the summer did",
    "an empowering pop anthem about coming out to my parents",
    "a pride song about being yourself and loving who you are",
)
# Kinds15: a tuning set written 2026-12-07 08:10 UTC (helper themesb) before anything ran on it, of subjects the bank
# had no theme for (zoo and jungle animals, garden bugs, diggers, bath time and getting dressed, jealousy, a veteran
# home from war, loving one's body, a motorcycle ride), none of any checking set's descriptions.
KINDS15 = (
    "a kids song about a monkey who loves bananas",
    "a kids song about a day at the zoo",
    "a kids song about a ladybug in the garden",
    "a kids song about the bugs in our backyard",
    "a kids song about diggers and dump trucks at the construction site",
    "a kids song about bath time",
    "a kids song about getting dressed in the morning",
    "a song about jealousy when she talks to other guys",
    "a country song about a veteran coming home from the war",
    "a song about my dad who came back from Afghanistan different",
    "an empowering song about loving my body",
    "a rock song about riding my motorcycle down the coast",
)
# Kinds16: a tuning set written 2026-12-07 09:00 UTC (helper themesc), for the new phrase-bank themes of subjects the
# bank had no lines for (expecting a baby, a new baby brother or sister, a sleepover or summer camp, a lost tooth and
# the tooth fairy, friends drifting apart, a family reunion or cookout), two descriptions each, as users write them;
# none of the checking sets' descriptions.
KINDS16 = (
    "a song about expecting our first baby",
    "a sweet song for my wife about getting the nursery ready and picking baby names",
    "a kids song about getting a new baby brother",
    "my new baby sister, from a big sister's point of view",
    "a fun kids song about a sleepover at my best friend's house",
    "a kids song about the first week at summer camp",
    "a kids song about losing my first tooth",
    "a silly song about the tooth fairy",
    "a sad song about friends drifting apart",
    "an indie song about my best friend and me growing apart after college",
    "a country song about the family reunion in the backyard",
    "a summer cookout with the whole family, grandpa at the grill",
)
# Kinds18: a tuning set written 2026-12-07 13:40 UTC (helper bank7) before anything ran on it, of things handed down
# in a family (a watch, a ring, tools, a quilt, a guitar, recipes, a truck, a sewing machine, a veil, a knife, a reel, a
# skillet), as users write them; none of the checking sets' descriptions.  The new theme `heirloom` is keyed by
# "heirloom" (measured with ", a family heirloom" appended) until topic.py brings it in for a kin's object.
KINDS18 = (
    "a country song about my grandpa's pocket watch that still keeps time",
    "a song about the wedding ring my dad gave me when I got engaged",
    "my late father's tools hanging in my garage now",
    "a folk song about the quilt my great-grandmother made by hand",
    "a sad song about learning to play my dad's guitar after he passed",
    "baking bread from my nana's recipe box",
    "driving my grandfather's old pickup truck down the same back roads",
    "a ballad about my grandma's sewing machine in the corner of my room",
    "getting married in my grandmother's veil",
    "a country song about the hunting knife my uncle left me",
    "a song about my grandad's old fishing reel",
    "a song about my grandmother's cast iron skillet",
)
# Kinds17: a tuning set written 2026-12-07 (helper bank6), three descriptions each of neighbours, adoption and a birth
# parent, a house falling apart, and a blackout or heat wave; none of the checking sets' descriptions.
KINDS17 = (
    "a country song about the old man next door who waves from his porch every morning",
    "a funny song about the noisy neighbors through the wall",
    "a sad song about my neighbour who passed away and her empty porch",
    "a song about meeting my birth mother for the first time",
    "a piano ballad about the day we adopted our son",
    "a song about a DNA test that found a brother I never knew",
    "a blues song about the leaky roof and the bucket under the drip",
    "a country song about a landlord who won't fix the furnace",
    "a folk song about our old house falling apart",
    "a song about a city-wide blackout in the middle of summer",
    "an acoustic song about the night the power went out",
    "a heat wave with no air conditioning",
)
# Kinds19: a tuning set written 2026-12-07 13:55 UTC (helper bank8) before anything ran on it, for the phrase-bank
# themes of trains and subways, the proud one in the stands or the audience, and learning to drive, four descriptions
# each, as users write them; none of the checking sets' descriptions.
KINDS19 = (
    "an indie song about the night train to Berlin",
    "a blues song about the 2am train back to the suburbs",
    "a folk song about my morning commute on the subway",
    "a sad song about waving goodbye to you on the train platform",
    "a country song for my son's first touchdown",
    "a song about my little sister's piano recital, so proud of her",
    "a proud mom song about my daughter graduating high school",
    "cheering for my brother at his first soccer game",
    "a pop song about failing my driving test twice",
    "a funny country song about my mom teaching me to parallel park",
    "a song about the first time driving alone after I got my license",
    "a nervous song about my road test tomorrow morning",
)
# Kinds20: a tuning set written 2026-12-07 14:30 UTC (helper bank9) before anything ran on it, for the phrase-bank
# themes of a vehicle that breaks down, teaching a parent to use a phone or computer, and stargazing, four
# descriptions each, as users write them; none of the checking sets' descriptions.
KINDS20 = (
    "a blues song about a flat tire in the desert",
    "my old tractor won't start on a cold morning",
    "broke down on the highway at night waiting for a tow truck",
    "a funny country song about my truck that always breaks down",
    "teaching my grandma to use her new smartphone",
    "a sweet song about showing my dad how to make a video call",
    "my mom learning to send her first text message",
    "a folk song about helping my grandpa with his email on the computer",
    "lying on the hood of the car watching a meteor shower with you",
    "a love song about stargazing in a field far from town",
    "a lonely song about looking through my telescope at night",
    "making a wish on a shooting star",
)
# Kinds21: a tuning set written 2026-12-07 14:30 UTC (helper bank10) before anything ran on it, for the phrase-bank
# themes of the ferry crossing, the diner and painting a room, four descriptions each, as users write them; none of
# the checking sets' descriptions.
KINDS21 = (
    "a folk song about taking the ferry to the island in the fog",
    "a sad song about the last ferry home after saying goodbye",
    "the morning ferry crossing with the commuters",
    "an indie song about standing at the ferry railing with you, gulls over the wake",
    "a country song about the diner where my parents met",
    "a song about our booth at the all night diner at 2am",
    "a sad song about our little diner closing down",
    "a waitress at a small town diner who calls everyone honey",
    "a happy song about painting the nursery before the baby comes",
    "a funny song about repainting the kitchen together",
    "a song about painting the walls of our first house",
    "an indie song about painting my bedroom a new color after the breakup",
)
# Kinds24: a tuning set written 2026-12-07 16:25 UTC (helper bank13) before anything ran on it, for the phrase-bank
# themes of skateboarding, ice cream and the haircut, four descriptions each, as users write them; none of the
# checking sets' descriptions (the brief's three examples were a checking set's: reworded here, and in the tests).
KINDS24 = (
    "a rap song about my skateboard and the empty streets after midnight",
    "a punk song about getting kicked out of the skatepark",
    "learning to kickflip in the driveway",
    "a love song about roller skating with you at the rink",
    "a kids song about the ice cream truck",
    "a sweet song about splitting a sundae with you on the boardwalk",
    "a happy summer song about our lemonade stand",
    "a country song about the old ice cream parlor in my hometown",
    "my dad taking me to the barber shop for the first time",
    "an indie song about cutting my hair short after the breakup",
    "a barber's life, sweeping up hair at closing time",
    "a pop song about dyeing my hair pink",
)
# Kinds22: a tuning set written 2026-12-07 16:20 UTC (helper bank11) before anything ran on it, for the phrase-bank
# themes of a night out indoors (karaoke, bowling, trivia, the office party), office life with coworkers
# (officelife) and chores (laundry, dishes, vacuuming, the trash; glad and sad), as users write them; none of the
# checking sets' descriptions.
KINDS22 = (
    "an upbeat pop song about singing off key at karaoke with my friends",
    "a country song about bowling night with the guys from the plant",
    "trivia night at the pub with my best friends, we always come last",
    "a funny song about the office christmas party",
    "a rock song about the quiet guy from accounting who sang at the karaoke bar",
    "a song about my work bestie and the gossip at the coffee machine",
    "a song about my coworkers and the monday meetings",
    "a slow sad song about the laundromat on a sunday after my divorce",
    "a happy song about cleaning the house on a saturday morning with the radio on",
    "doing the dishes together after a big family dinner",
    "a blues song about taking out the trash and vacuuming alone",
    "a mom of three singing about the endless laundry",
)
# Kinds25: a tuning set written 2026-12-07 16:25 UTC (helper bank14) before anything ran on it, for the phrase-bank
# themes of the bus (its driver, the stop, the last and night bus, the ride to school), swimming (lessons, the diving
# board, the pool, a lake at dawn) and moving house (packing, the empty rooms, carrying the couch, the first night),
# four descriptions each, as users write them; none of the checking sets' descriptions.
KINDS25 = (
    "a country song about a bus driver who knows every regular on his route",
    "waiting at the bus stop in the rain",
    "a lonely indie song about the night bus home",
    "a pop song about riding the bus to school with my best friend in the back seat",
    "a happy song about my daughter's first swimming lessons",
    "jumping off the high diving board for the first time",
    "a summer song about cannonballs at the neighborhood pool",
    "a folk song about swimming in the lake at dawn",
    "a sad song about packing up the house I grew up in",
    "a funny song about my friends helping me carry the couch up three flights of stairs on moving day",
    "our first night in the new apartment sleeping on a mattress on the floor",
    "a country song about one last look at our empty house before the moving truck pulls away",
)
# Kinds27: a tuning set written 2026-12-07 16:55 UTC (helper bank16) before anything ran on it, for the phrase-bank
# themes of the county fair, summer camp and the yard sale, four descriptions each, as users write them; none of
# the checking sets' descriptions.
KINDS27 = (
    "a love song about our first date at the county fair",
    "riding the ferris wheel with you at the carnival",
    "a pop punk song about the roller coaster at the amusement park",
    "a dad's song about winning my daughter a stuffed bear at the state fair",
    "a nostalgic indie song about the summers I spent at camp as a kid",
    "homesick my first night at summer camp",
    "a folk song about the best friend I made at summer camp",
    "a camp counselor saying goodbye to the kids on the last day of summer camp",
    "a country song about the garage sale after my divorce",
    "selling my mother's things at a yard sale after she passed",
    "a cheerful song about our spring cleaning yard sale",
    "a lo-fi song about digging through a box of old records at the thrift shop",
)
# Kinds29: a tuning set written 2026-12-07 19:14 UTC (helper outdoors) before anything ran on it, for outdoor pursuits the
# phrase bank barely covered: camping, hiking, surfing, skiing and snowboarding, and a long-haul trucker's road, as
# users write them; none of the checking sets' descriptions.
KINDS29 = (
    "a folk song about rain drumming on the tent on our family camping trip",
    "roasting marshmallows around the campfire with my kids",
    "an acoustic song about camping alone in the woods for a week after my divorce",
    "a triumphant rock song about finally reaching the summit after a ten hour climb",
    "hiking the old trail with my dad one last time before he gets too old",
    "a tense song about getting lost on a hiking trail as the sun goes down",
    "a chill surf rock song about paddling out at sunrise and waiting for the perfect wave",
    "a punk song about wiping out on a huge wave and getting back on my board",
    "a fun pop song about my first time snowboarding and falling all day",
    "riding the ski lift with my daughter before her first run down the mountain",
    "a country song from a long haul trucker missing his wife and kids",
    "an old trucker talking on the CB radio all night across Nevada",
)
# Kinds30: a tuning set written 2026-12-07 19:15 UTC (helper hobby) before anything ran on it, for everyday hobbies
# and small milestones: learning an instrument (piano lessons, scales, the recital, a choir), baking (a birthday cake
# gone wrong, bread with grandma, a child's first cookies), a child's visit to the dentist or the doctor, and a first
# apartment of one's own, three descriptions each, as users write them; none of the checking sets' descriptions.
KINDS30 = (
    "a sweet song about taking piano lessons at forty",
    "practising my scales every night before the piano recital",
    "an uplifting song about singing in a choir with strangers who became my friends",
    "a funny song about the birthday cake I baked for my boyfriend that fell apart",
    "baking bread with my grandma on sunday mornings",
    "a kids song about baking cookies with mom for the first time",
    "a children's song about being brave at the dentist",
    "a kids song about getting a shot at the doctor and a sticker after",
    "a gentle song for my little boy's first visit to the dentist",
    "a song about my first apartment, the empty rooms and a mattress on the floor",
    "an indie song about the first night alone in my own place",
    "a country song about moving out of my parents' house into a tiny apartment of my own",
)
# Kinds26: a tuning set written 2026-12-07 16:20 UTC (helper bank15) before anything ran on it: a parent, a
# grandparent, a child, a lover or a home is there, but the song is about an everyday chore or pastime that has no
# theme of its own (the broad themes family, love, home, joy, anthem and longing carry it); none of the checking
# sets' descriptions.
KINDS26 = (
    "folding laundry with my mom on a sunday afternoon",
    "a country song about my dad teaching me to shave",
    "a gentle folk song about doing a jigsaw puzzle with my grandpa",
    "an r&b song about washing the dishes with my husband after dinner",
    "braiding my little girl's hair",
    "shelling peas on the back steps with my grandmother",
    "an upbeat pop song about grocery shopping with my girlfriend",
    "a blues song about waiting in line at the DMV with my teenage son",
    "an indie song about hanging pictures on the walls of our living room",
    "a happy song about feeding the ducks at the pond with my toddler",
    "a jazz song about my wife doing the crossword at breakfast",
    "a rock song about mowing the lawn while my kids run through the sprinkler",
)
# Kinds23: a tuning set written 2026-12-07 16:25 UTC (helper bank12) before anything ran on it, for the phrase-bank
# themes of a small pet (a goldfish, a hamster, a turtle, a bunny), fireflies at dusk and flying a kite, four
# descriptions each, as users write them; none of the checking sets' descriptions.
KINDS23 = (
    "a kids song about my goldfish swimming round and round his bowl",
    "a silly song for children about a hamster running on his wheel",
    "a sad song about burying my daughter's hamster in the garden",
    "a folk song about my old turtle who has lived with me for twenty years",
    "catching fireflies in a jar on a summer night",
    "a country song about lightning bugs and crickets on my grandma's porch",
    "a nostalgic indie song about chasing fireflies barefoot when we were kids",
    "a lullaby about the fireflies blinking in the backyard",
    "a song about flying a kite with my son on the beach",
    "a kids song about my kite getting stuck in a tree",
    "a folk song about my dad teaching me to fly a kite on the hill",
    "a happy pop song about flying kites in the spring wind",
)
# Kinds28: a tuning set written 2026-12-07 17:30 UTC (helper hol) before anything ran on it, for the holidays
# people ask songs for: Christmas (the tree, the morning, Santa, coming home, alone far away, the first one without
# someone), the Fourth of July (fireworks, the parade, the cookout) and festivals of light and faith (Hanukkah,
# Diwali, Eid); as users write them; none of the checking sets' descriptions.
KINDS28 = (
    "trimming the christmas tree with my two little girls",
    "a folk song about christmas morning watching my kids tear open their presents",
    "a kids song about santa coming down the chimney",
    "a country song about driving home for christmas through the snow",
    "a lonely song about spending christmas by myself in a city far from home",
    "a sad song about our first christmas since my mom passed, her chair empty at the table",
    "a rock anthem about fireworks on the fourth of july",
    "a country song about the small town parade on the fourth of july",
    "an upbeat song about a backyard barbecue with sparklers on the fourth of july",
    "lighting the hanukkah candles with my grandfather",
    "a joyful song about the diwali lamps glowing in every window",
    "a warm soul song about eid morning after ramadan with my family",
)
# Kinds31: a tuning set written 2026-12-07 19:43 UTC (helper daily) before anything ran on it, for riding a bike for
# the joy of it, a best friend moving far away (sung by the one who stays), working one's way through school and a
# night nurse on a children's ward, as users write them; none of the checking sets' descriptions.
KINDS31 = (
    "a summer pop song about riding bikes to the lake with my friends",
    "a punk song about no hands down the big hill on my bike",
    "a nostalgic folk song about my paper route on my old bike when I was twelve",
    "a sad song about the empty seat at lunch since my best friend moved to Australia",
    "the last night before my best friend moves across the country",
    "an indie song about video calls with my best friend who is seven hours ahead now",
    "a hip hop song about working two jobs to pay my way through college",
    "a country song about working the night shift before my morning class",
    "an r&b song about studying on my break at the warehouse so I can finish my degree",
    "a gentle song from a night nurse on the children's ward",
    "a lullaby a nurse sings to a little boy who can't sleep in the hospital",
    "a soul song about the morning hand-over after a long night on the pediatric ward",
)
# Kinds32: a tuning set written 2026-12-07 20:12 UTC (helper moments) before anything ran on it, for the birth of
# one's child and the first time holding them, caring for a parent with dementia, and a cosy night in with a partner,
# as users write them; none of the checking sets' descriptions.
KINDS32 = (
    "a song about the first time I held my son",
    "a tender acoustic ballad about the day you were born, sung to my newborn daughter",
    "an emotional piano song about hearing my baby's first cry in the delivery room",
    "a folk song about your tiny hand wrapped around my finger",
    "a sad piano ballad about my mom with dementia who doesn't know who I am anymore",
    "a country song about taking care of my dad with alzheimer's",
    "an indie song about my mother calling me by my aunt's name",
    "a soul song about the good days and the bad days looking after my father with dementia",
    "a song about a movie night on the couch with you",
    "a lazy r&b song about a rainy sunday in bed with my girlfriend",
    "a sweet acoustic love song about waking up next to you",
    "a chill pop song about staying in with my boyfriend on a friday night, takeout and blankets",
)
MOODS = (
    "upbeat summer pop song",
    "emotional piano ballad",
    "sad breakup song",
    "dark synthwave track",
    "country love song",
    "uplifting rock anthem",
    "soulful r&b slow jam",
    "melancholic indie folk song",
    "energetic dance track for the club",
    "nostalgic 80s pop song",
    "feel good song",
    "aggressive rap song about coming up from nothing",
)
# Kinds36: a tuning set written 2026-12-07 21:44 UTC (helper farkin) before anything ran on it, for someone of one's
# own family far away or leaving home, sung by the one who stays (a brother abroad, a mother gone back to her home
# country, a child leaving for college, a grandparent seen on video calls, a parent working abroad), as users write
# them; none of the checking sets' descriptions.
KINDS36 = (
    "a sad song about my little brother who moved to germany for work",
    "a folk song about my mom who went back to the philippines to live",
    "an acoustic ballad about my son leaving for college and his empty room",
    "a country song about helping my daughter move into her first apartment",
    "a piano song about my grandma across the ocean who I only see on video calls",
    "a song for my dad who works overseas and misses every birthday",
    "an indie song about my twin sister living on the other side of the world",
    "a tearful song about dropping my kid off at college and driving home alone",
    "a warm song about sunday phone calls with my big sister who moved to london",
    "a gentle song about the quiet house after our youngest moved out",
    "a hip hop song about my older brother stationed overseas in the army",
    "a bittersweet song about my grandparents in india that we only visit every few years",
)
# Kinds34: a tuning set written 2026-12-07 21:41 UTC (helper fantasy) before anything ran on it, for children's songs
# of make-believe as parents and teachers ask for them (pirates and treasure, robots, mermaids, superheroes,
# unicorns, a princess or a knight, a friendly monster, a dinosaur, a dragon who is afraid, a rocket to the moon,
# fairies in the garden); none of the checking sets' descriptions.
KINDS34 = (
    "a fun pirate song for my 5 year old's birthday party about sailing the seven seas",
    "a kids song about a little robot who wants to make friends",
    "a gentle song about a mermaid who lives under the sea, for my daughter",
    "an upbeat song for preschoolers about being a superhero and helping others",
    "a magical song about a unicorn with a rainbow mane for a little girl",
    "a children's song about a brave princess who rides her horse through the forest",
    "a silly song about the friendly monster who lives in my closet",
    "a stomping dinosaur song for toddlers about a T-rex",
    "a bedtime song about a little dragon who is afraid to fly",
    "a song for kindergarten about flying a rocket to the moon",
    "a sweet song about fairies dancing in the garden at night",
    "a kids song about a young knight who helps a lost dragon find its way home",
)
# Kinds35: a tuning set written 2026-12-07 21:42 UTC (helper tributes) before anything ran on it, for songs written
# as a gift or tribute to one real person for an occasion (a parent's birthday, a retirement, a teacher, a coach,
# a nurse, a wedding toast, an anniversary, a single parent, a memorial), as users write them; none of the checking
# sets' descriptions.
KINDS35 = (
    "a country song for my dad's retirement after 30 years at the plant",
    "a song thanking the teacher who changed my life",
    "a rock anthem for our coach's last season",
    "an upbeat song for my grandma turning 90",
    "a song for the nurse who got me through chemo",
    "a wedding toast song for my best friend, sung by me as her maid of honor",
    "a love song for my husband on our 25th anniversary",
    "a soul song thanking my single dad who did it all",
    "a memorial song for my friend who died way too young",
    "a happy birthday song for my mom turning 60 from all of her kids",
    "a song to thank my boss on her last day before she retires",
    "a tribute song for my uncle's funeral, he drove a truck for forty years",
)
# Kinds33: a tuning set written 2026-12-07 21:41 UTC (helper lovers) before anything ran on it, for love songs where
# the one loved is defined by their job or where the singer sees them, how they met, or a trait or situation (a crush
# not yet spoken, a best friend, a husband on nights), as users write them; none of the checking sets' descriptions.
KINDS33 = (
    "a love song about the mailman I wait for every morning",
    "a country song about falling for the bartender at my local bar",
    "a sweet pop song about a crush on the girl who works at the library desk",
    "an r&b song about the lifeguard at the pool this summer",
    "a love song for my husband who works nights",
    "an indie song about being in love with my best friend and never telling her",
    "a cute acoustic song about the boy in the next cubicle",
    "a song about meeting my wife at my cousin's wedding",
    "a pop song about matching with someone on a dating app",
    "a folk song about falling in love with my pen pal through letters",
    "a shy love song about the barista who writes my name on the cup",
    "a ballad about my neighbour across the hall I've never talked to",
)
# Kinds38: a tuning set written 2026-12-07 22:36 UTC (helper comeback) before anything ran on it, for motivational
# and comeback songs as users ask for them (never giving up on a dream, proving doubters wrong, an athlete back from
# an injury, the first in the family at college, sobriety one day at a time, starting over at forty, getting healthy,
# a single mom back at school, an underdog team, a rapper grinding for a deal); none of the checking sets' descriptions.
KINDS38 = (
    "a motivational song about never giving up on your dreams",
    "a rap song about proving everyone who doubted me wrong",
    "a rock song about coming back from a knee injury to play again",
    "a song about being the first in my family to go to college",
    "a country song about getting sober one day at a time",
    "an upbeat song about starting over at forty after my divorce",
    "a pump up song about losing weight and getting healthy",
    "a song about a single mom going back to school at night",
    "an anthem for an underdog basketball team that nobody believed in",
    "a hip hop song about grinding every night for a record deal",
    "an inspirational song about getting back up after losing everything",
    "a pop song about a girl who finally makes the team after getting cut twice",
)
# Kinds37: a tuning set written 2026-12-07 22:35 UTC (helper heritage) before anything ran on it, for songs about a
# family's migration and heritage (a grandparent or parent who came to a new country with nothing, a father who
# crossed the border, the first generation born here, two languages at home, the old country's village, a first
# visit to the homeland, a mother's recipes from back home, one's own move abroad alone), as users write them; none
# of the checking sets' descriptions.
KINDS37 = (
    "a song about my grandma who came to america with nothing",
    "a folk song thanking my parents who immigrated so i could have a better life",
    "a hip hop song about being the first generation born here",
    "a country song about my father who crossed the border at seventeen",
    "a ballad about my grandfather's village in the old country",
    "an indie song about speaking spanish at home and english at school",
    "a song about visiting my parents' homeland for the first time",
    "a warm song about my mom's recipes from back home",
    "a song about moving to canada alone at twenty with one suitcase",
    "a piano ballad about my grandparents who left italy on a ship",
    "an r&b song about my mother's accent and how i used to be embarrassed by it",
    "a song about the old photos of my family back in the philippines",
)
# Kinds39: a tuning set written 2026-12-07 22:34 UTC (helper parents) before anything ran on it, for songs in a
# parent's own voice about their child, as parents ask for them (a single dad, a graduation, the first day of
# kindergarten, a teenager who won't talk, a dad on nights, a bike, a grown son, father of the bride, a stay-at-home
# dad, a new grandmother); none of the checking sets' descriptions.
KINDS39 = (
    "a country song about being a single dad raising two little girls",
    "a song about watching my daughter graduate high school",
    "my son's first day of kindergarten",
    "a sad song about my teenage son who won't talk to me anymore",
    "a dad working the night shift to provide for his kids",
    "a song about teaching my little boy to ride a bike",
    "a mom's love letter to her grown son who lives far away",
    "father of the bride song for my daughter's wedding",
    "a funny song about a day in the life of a stay-at-home dad",
    "a song about becoming a grandmother for the first time",
    "a lullaby from a dad to his newborn daughter",
    "a folk song for my daughter leaving for college in the fall",
)
# Kinds40: a tuning set written 2026-12-08 00:20 UTC (helper apology) before anything ran on it, for songs of apology,
# regret and forgiveness (a sorry to a girlfriend or a wife after a fight, a dad's apology to his son, regret for a love
# never told, asking a father's forgiveness, a sorry to a mother for one's teenage years, forgiving a father who left,
# "i was wrong" to a best friend, amends with a brother, a second chance with a woman let go, a late apology to a
# grandpa gone, forgiving a friend who let one down), as users write them; none of the checking sets' descriptions.
KINDS40 = (
    "an r&b song apologizing to my girlfriend after our fight last night",
    "a country song telling my wife i'm sorry for the things i said",
    "a dad's apology to his son for all the games i missed",
    "a ballad about regretting never telling her how i felt",
    "a song asking my dad to forgive me for the years i didn't call",
    "i want to say sorry to my mom for how i treated her as a teenager",
    "an acoustic song about forgiving my father who walked out when i was six",
    "a pop punk song for my best friend jake, i was wrong and i want to make it right",
    "a song about making amends with my brother after ten years of not talking",
    "a rock song about a second chance with the woman i let go",
    "a sad piano song about the apology i never gave my grandpa before he died",
    "an indie folk song about forgiving a friend who let me down",
)
# Kinds41: a tuning set written 2026-12-08 00:27 UTC (helper truth) before anything ran on it, for songs of secrets,
# lies and promises as users write them (a lover's lies and excuses, the phone face down, finding out the truth, a
# secret love, a secret kept from one's family, telling the truth at last, a promise made to a child, to a lover, to
# oneself, a promise broken, playful payback on an ex); none of the checking sets' descriptions.
KINDS41 = (
    "a country song about a man who lies about where he's been every night",
    "an r&b song about my boyfriend's excuses and his phone always face down",
    "a sad song about finally finding out the truth about him",
    "a pop song about a secret relationship nobody can know about",
    "an indie song about a secret I've kept from my family for years",
    "a piano ballad about finally telling my wife the truth",
    "a folk song about a promise I made to my daughter the day she was born",
    "a love song about keeping every promise I made to you",
    "a sad song about all the promises my dad broke",
    "a song about a promise I made to myself to never go back",
    "a sassy country revenge song about getting even with my ex, Jake",
    "a pop song called Liar about a girl who lied to me from the start",
)
# Kinds42: a tuning set written 2026-12-08 00:25 UTC (helper free) before anything ran on it, for songs of freedom and
# youth as users ask for them (feeling free, barefoot and wild, young and wild with friends till sunrise, breaking free
# from a job or a small town and its expectations, living in the moment, a teenager against the rules, sneaking out),
# and three where "free" means something else (cancer free, free pizza, free time) that must not sing of freedom.
KINDS42 = (
    "a song about feeling free",
    "wild and free, a folk song about dancing barefoot in the field with Maya",
    "an anthem about being young and wild",
    "pop song about staying out with my friends till sunrise, young and reckless",
    "breaking free from my 9 to 5, rock song",
    "a country song about breaking free from this small town and everybody's expectations",
    "living in the moment, upbeat edm",
    "punk song about a teenager who's sick of the rules",
    "a rebellious pop punk song about sneaking out past curfew at sixteen",
    "a happy song about my mom being cancer free after two years",
    "a funny song about winning free pizza for a year",
    "chill lofi song about my free time on a sunday afternoon",
)
# Kinds45: a tuning set written 2026-12-08 00:40 UTC (helper otherworld) before anything ran on it, for grown-up and
# teen songs of the uncanny sung as a story or in character (a ghost haunting its house, a ghost in love with the
# living, a witch's love spell, the witch the village feared, a vampire in love, a vampire's forever, zombie
# survivors, the last night on earth, lights in the sky and an abduction, an alien who stays, going back in time to
# change one day, meeting one's younger self); none for children, none of the checking sets' descriptions.
KINDS45 = (
    "indie folk song sung by a ghost who still haunts the house she died in",
    "a ghost in love with the girl who just moved into his old house",
    "dark pop song about a witch casting a love spell",
    "a folk ballad about the witch the whole village feared, told by the witch herself",
    "sultry r&b song about a vampire falling in love with a mortal",
    "gothic rock song, a vampire who has lived forever and walks alone every night",
    "punk song about surviving the zombie apocalypse with my best friend Jake",
    "a slow sad song about the last night on earth before the world ends",
    "synthwave song about lights in the sky over the desert and getting abducted by aliens",
    "a funny country song about an alien who crash landed in Texas and decided to stay",
    "a song about time travel, going back to change the day I lost her",
    "emotional ballad about meeting my younger self and telling her it gets better",
)
# Kinds49: a tuning set written 2026-12-08 03:00 UTC (helper band) before anything ran on it, for songs of playing
# music with a band as users ask for them: the garage band, the first show at a bar or a basement, the van on the road,
# the open mic, busking, the band breaking up and its reunion.
KINDS49 = (
    "punk song about my garage band, the neighbors keep calling the cops on our drummer",
    "a fun rock song about starting a band in my parents' garage with three chords and a cheap amp",
    "indie rock song about our first show in a basement, ten people showed up and it was the best night ever",
    "a country song about playing a dive bar for tips on a Friday night",
    "punk rock song about touring in a beat up van, sleeping on floors and selling shirts at the merch table",
    "a folk song about life on the road with my band, missing home between shows",
    "an acoustic song about my first open mic night, so nervous my hands were shaking",
    "a quiet indie song about playing the open mic every Tuesday at the coffee shop",
    "a folk song about busking on the street corner with my guitar case open",
    "an upbeat song about a street musician playing for the people passing by in the subway",
    "a sad rock song about my band breaking up after ten years together",
    "a country song about getting the old band back together for one last reunion show",
)
# Kinds43: a tuning set written 2026-12-08 00:40 UTC (helper success) before anything ran on it, for songs of fame,
# money and success as users ask for them (making it after the struggle, the first big check, a house for mom, a parent's
# debts paid, getting rich and its flex, its emptiness, becoming famous, fame's lost privacy, old friends who changed,
# alone at the top); none of the checking sets' descriptions.
KINDS43 = (
    "trap song about getting rich and buying my mom a house",
    "finally made it after years of struggle",
    "hip hop track about cashing my first big check",
    "a pop song about becoming famous overnight",
    "sad song about being rich but empty inside",
    "rap about going from the projects to a penthouse, the whole block watching",
    "r&b song about fame, the paparazzi and losing my privacy",
    "a song about how my old friends changed when i got famous",
    "a country song about a small town girl named lily who made it big in nashville",
    "flex rap with chains, cars and champagne",
    "a song about paying off my parents' debts with my first million",
    "emotional ballad about being alone at the top with no time for my family",
)
# Kinds44: a tuning set written 2026-12-08 00:45 UTC (helper lonely) before anything ran on it, for two moods asked
# for all the time that keyed no theme: loneliness (in a crowd, an empty apartment, a first night in a new city,
# eating alone, friends gone, reaching out) and hope and good days (after a hard year, the light coming back, a
# feel-good free afternoon, thanks for small things); none of the checking sets' descriptions.
KINDS44 = (
    "an indie song about feeling lonely at a party full of people",
    "empty apartment, phone that never rings, sad piano ballad",
    "my first night in Chicago where I don't know a single person",
    "a lofi song about eating dinner alone and not talking to anyone all day",
    "a song about loneliness after all my friends moved on and got married",
    "acoustic song about finally calling an old friend after months of feeling alone",
    "a bedroom pop song about working from home and not seeing anyone for weeks",
    "a song about hope after a really hard year",
    "feel good summer vibes, a sunny afternoon with nowhere to be",
    "a song about the light coming back after the darkest winter of my life",
    "a reggae song about being thankful for the simple things in life",
    "an uplifting pop song about better days ahead",
)
# Kinds47: a tuning set written 2026-12-08 03:00 UTC (helper causes) before anything ran on it, for songs about causes
# as users ask for them: climate change and the planet (the summers hotter, the melting ice, wildfire smoke, the world
# the children get, a kids' song of caring for the earth), racism and equality (judged by skin or name, history
# repeating, standing together, a mother's talk with her son, the same inside for kids), peace and war (the soldiers'
# mothers, laying down weapons) and standing up for a bullied kid; none of the checking sets' descriptions.
KINDS47 = (
    "a song about climate change",
    "an anthem about saving the planet before it's too late",
    "a folk song about the ice melting and the summers getting hotter every year",
    "a sad piano ballad about wildfire smoke and the world our children will grow up in",
    "a kids song about taking care of the earth",
    "a rap song about racism, being judged by my skin and my name, and history repeating itself",
    "a gospel song about equality and all of us standing together",
    "a soul song about a mother having the talk with her young son about racism",
    "a kids song about how we're all the same inside no matter what color we are",
    "an anti war folk song about the mothers of the soldiers on both sides",
    "a peace song asking everyone to lay down their weapons",
    "a pop song about standing up for the kid who gets bullied at school",
)
# Kinds46: a tuning set written 2026-12-08 02:55 UTC (helper keying) before anything ran on it, for descriptions whose
# subject is a verb phrase ("teaching my daughter to ride a bike", "who loves to bake", "learning to knit") or a word
# whose sense the rest of the description settles (a shower one sings in, a bar exam, a parking garage, a nursing
# license, training for a marathon); none of the checking sets' descriptions.
KINDS46 = (
    "a sweet acoustic song about teaching my daughter to ride a bike",
    "a country song about my grandpa teaching me to fish at the lake",
    "a happy pop song for my wife who loves to bake on sunday mornings",
    "a cozy folk song about my grandma teaching me to knit",
    "a song about my dad learning to paint after he retired",
    "a funny song about my husband who sings in the shower every morning",
    "a motivational song about training for my first marathon",
    "a song about my sister studying for the bar exam",
    "a song about a stray cat living in the parking garage at my work",
    "a proud song for my sister who just got her nursing license",
    "a love song about my boyfriend who loves to cook for me",
    "a song about my son learning to play guitar",
)
# Kinds48: a tuning set written 2026-12-08 03:00 UTC (helper teen) before anything ran on it, for songs of being a
# teenager as users ask for them (being sixteen: the slammed door, the headphones, parents who don't get it, curfew;
# teenage friendship and the group chat; a first crush at school; senior year and the last summer before college; a
# teenager's anxiety and pressure: grades, social media, fitting in; a parent's song to a teenager); none about
# learning to drive, none of the checking sets' descriptions.
KINDS48 = (
    "a song about being a teenager",
    "pop punk song about being sixteen and my parents just don't get me",
    "angsty alt rock song about slamming my bedroom door and putting my headphones on",
    "rap about being fifteen, not a kid anymore but not grown up either",
    "upbeat pop song about my best friends and our group chat",
    "a cute pop song about my first crush, the boy who sits behind me in math class",
    "a nostalgic country song about our last summer before college",
    "indie anthem about senior year with my best friends, prom and graduation coming",
    "a rap about the pressure of being a teenager, grades, social media and trying to fit in",
    "sad piano ballad about teenage anxiety and comparing myself to everyone online",
    "a mom's song to her teenage daughter about letting her grow up",
    "a country ballad from a dad to his sixteen year old son who keeps his door shut",
)
# Styles: descriptions that name a genre or mood (and little else), written 2026-12-06 (lyrics3) to tune
# the style words and mood themes on; the fresh set's are never tuned on.
STYLES = (
    "happy pop song about friendship",
    "dark trap beat about the streets",
    "a slow sad song about missing home",
    "party anthem for the weekend",
    "dreamy chill song for a sunday",
    "romantic acoustic love song",
    "angry punk song",
    "motivational workout anthem",
)


def figures(description: str, title: str, text: str, form) -> dict:
    topic = read_topic(description)
    blocks = [b.split("\n") for b in text.split("\n\n")]
    sung_words = {re.sub(r"[^a-z']", "", w.lower()) for b in blocks for ln in b[1:] for w in ln.split()}
    sung_words |= {w.removesuffix("'s") for w in sung_words}
    hit = [w for w in topic.words if topic.forms[w] & sung_words]
    chorus = next((b[1:] for b in blocks if b[0] == "[Chorus]"), [])
    title_in = any(title.lower() in ln.lower() for ln in chorus)
    pairs = rhymed = 0
    for b in blocks:
        lines = [ln for ln in b[1:] if not (b[0] == "[Chorus]" and title.lower() in ln.lower())]
        for a, c in zip(lines[::2], lines[1::2]):
            pairs += 1
            rhymed += rhymes(end_word(a), end_word(c))
    plan = [n for s in form.sections if s.sung for n in s.line_syllables]
    got = [count_syllables(ln) for b in blocks for ln in b[1:]]
    diffs = [abs(a - b) for a, b in zip(plan, got)]
    others = [ln.lower() for b in blocks if b[0] != "[Chorus]" for ln in b[1:]]
    sung_lines = [ln for b in blocks for ln in b[1:]]
    stress_ok = sum(stress_misses(ln) < 1 for ln in sung_lines) / max(1, len(sung_lines))
    # a description naming only a genre or mood has no content word to sing: nothing is missing
    return dict(content=len(hit) / len(topic.words) if topic.words else 1.0, stress=stress_ok, lines=set(sung_lines), missing=[w for w in topic.words if w not in hit],
                title=title_in, rhyme=rhymed / max(1, pairs), fit=sum(d <= 2 for d in diffs) / max(1, len(diffs)),
                mad=statistics.mean(diffs) if diffs else 0.0, lines_ok=len(plan) == len(got),
                repeats=len(others) - len(set(others)))


def read(path: str, songs: list[tuple[str, str]]) -> None:
    """Nonsense and filler lines by the judgements in ``path``; lines not judged yet are printed."""
    import json

    judged = json.load(open(path))
    counts = {"N": 0, "F": 0, "ok": 0}
    todo = []
    for d, text in songs:
        lines = list(dict.fromkeys(ln for ln in text.split("\n") if ln and not ln.startswith("[")))
        for ln in lines:
            mark = judged.get(d, {}).get(ln)
            if mark is None:
                todo.append((d, ln))
            else:
                counts[mark] += 1
    total = sum(counts.values()) + len(todo)
    print(f"read ({path}): nonsense {counts['N']}, filler {counts['F']} of {total} distinct lines; "
          f"{len(todo)} not judged yet" + "".join(f"\n  {d[:40]!r}: {ln}" for d, ln in todo))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=1)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--readings", default="", help="judgements of lines by reading (JSON): count nonsense/filler")
    ap.add_argument("--set", choices=("tuned", "heldout", "both", "validation", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "kinds", "kinds2", "kinds3", "kinds4", "kinds5", "kinds6", "kinds7", "kinds8", "kinds9", "kinds10", "kinds11", "kinds12", "kinds13", "kinds14", "kinds15", "kinds16", "kinds17", "kinds18", "kinds19", "kinds20", "kinds21", "kinds22", "kinds23", "kinds24", "kinds25", "kinds26", "kinds27", "kinds28", "kinds29", "kinds30", "kinds31", "kinds32", "kinds33", "kinds34", "kinds35", "kinds36", "kinds37", "kinds38", "kinds39", "kinds40", "kinds41", "kinds42", "kinds43", "kinds44", "kinds45", "kinds46", "kinds47", "kinds48", "kinds49", "kinds50", "moods", "styles"), default="tuned",

                    help="the 10 descriptions read while writing the writer, the held-out ones, both, or the "
                         "validation set or the fresh set (never tuned on)")
    args = ap.parse_args()
    descriptions = {"tuned": DESCRIPTIONS, "heldout": HELDOUT, "both": DESCRIPTIONS + HELDOUT,
                    "validation": VALIDATION, "fresh": FRESH, "fresh2": FRESH2, "fresh3": FRESH3, "fresh4": FRESH4, "fresh5": FRESH5, "fresh6": FRESH6, "fresh7": FRESH7, "fresh8": FRESH8, "fresh9": FRESH9, "fresh10": FRESH10, "fresh11": FRESH11, "fresh12": FRESH12, "fresh13": FRESH13, "fresh14": FRESH14, "fresh15": FRESH15, "fresh16": FRESH16, "fresh17": FRESH17, "fresh18": FRESH18, "fresh19": FRESH19, "fresh20": FRESH20, "fresh21": FRESH21, "fresh22": FRESH22, "kinds": KINDS, "kinds2": KINDS2, "kinds3": KINDS3, "kinds4": KINDS4, "kinds5": KINDS5, "kinds6": KINDS6, "kinds7": KINDS7, "kinds8": KINDS8, "kinds9": KINDS9, "kinds10": KINDS10, "kinds11": KINDS11, "kinds12": KINDS12, "kinds13": KINDS13, "kinds14": KINDS14, "kinds15": KINDS15, "kinds16": KINDS16, "kinds17": KINDS17, "kinds18": KINDS18, "kinds19": KINDS19, "kinds20": KINDS20, "kinds21": KINDS21, "kinds22": KINDS22, "kinds23": KINDS23, "kinds24": KINDS24, "kinds25": KINDS25, "kinds26": KINDS26, "kinds27": KINDS27, "kinds28": KINDS28, "kinds29": KINDS29, "kinds30": KINDS30, "kinds31": KINDS31, "kinds32": KINDS32, "kinds33": KINDS33, "kinds34": KINDS34, "kinds35": KINDS35, "kinds36": KINDS36, "kinds37": KINDS37, "kinds38": KINDS38, "kinds39": KINDS39, "kinds40": KINDS40, "kinds41": KINDS41, "kinds42": KINDS42, "kinds43": KINDS43, "kinds44": KINDS44, "kinds45": KINDS45, "kinds46": KINDS46, "kinds47": KINDS47, "kinds48": KINDS48, "kinds49": KINDS49, "kinds50": KINDS50, "moods": MOODS, "styles": STYLES}[args.set]

    form = default_form("pop")
    t0 = time.process_time()
    write_song("warm-up: load the tables", seed=0)  # one-time loading, reported separately
    load = time.process_time() - t0
    rows, texts = [], []
    for d in descriptions:
        sung: list[str] = []  # a later seed is the next variant: it avoids the lines the ones before it sing
        for seed in range(args.seeds):
            t = time.process_time()
            title, text = write_song(d, seed=seed, form=form, avoid=sung)
            sung += sung_lines(text)
            cpu = time.process_time() - t
            parse_lyrics(text)
            f = figures(d, title, text, form)
            rows.append((d, seed, title, f, cpu))
            texts.append((d, seed, text))
            if not args.quiet:
                print(f"\n=== {d!r} seed {seed}: {title!r}\n{text}")
    print(f"\n{'description':46s} seed content title rhyme  fit   mad stress lines rep  cpu_s  missing")
    for d, seed, title, f, cpu in rows:
        print(f"{d[:46]:46s} {seed:4d} {f['content']:7.2f} {str(f['title']):5s} {f['rhyme']:5.2f} {f['fit']:5.2f} "
              f"{f['mad']:5.2f} {f['stress']:6.2f} {str(f['lines_ok']):5s} {f['repeats']:3d} {cpu:6.3f}  "
              f"{' '.join(f['missing'])}")
    fs = [r[3] for r in rows]
    print(f"\nmean: content {statistics.mean(f['content'] for f in fs):.2f}, title in chorus "
          f"{sum(f['title'] for f in fs)}/{len(fs)}, rhyme {statistics.mean(f['rhyme'] for f in fs):.2f}, "
          f"syllables within 2 {statistics.mean(f['fit'] for f in fs):.2f} (mean |diff| "
          f"{statistics.mean(f['mad'] for f in fs):.2f}), lines with every main stress on a strong beat "
          f"{statistics.mean(f['stress'] for f in fs):.2f}, repeated lines {sum(f['repeats'] for f in fs)}, "
          f"CPU {statistics.mean(r[4] for r in rows):.3f} s per song (+{load:.2f} s one-time loading); "
          f"song length {sum(s.end - s.start for s in form.sections):.0f} s")
    # A 3-minute song's form (two long verses, two pre-choruses, four choruses, a bridge):
    # the writer's CPU per second of audio, against the budget of 0.1 CPU-s per second.
    from topline.music.types import FormPlan, FormSection

    spec = [("intro", 0, 8), ("verse", 8, 8), ("pre-chorus", 2, 7), ("chorus", 4, 7), ("verse", 8, 8),
            ("pre-chorus", 2, 7), ("chorus", 4, 7), ("bridge", 4, 8), ("chorus", 4, 7), ("chorus", 4, 7),
            ("outro", 0, 8)]
    secs, t = [], 0.0
    for label, n, syl in spec:
        length = 180.0 / len(spec)
        secs.append(FormSection(label=label, start=t, end=t + length, bars=8, sung=n > 0,
                                line_syllables=(syl,) * n))
        t += length
    long_form = FormPlan(sections=tuple(secs))
    cpu = []
    for d in DESCRIPTIONS:
        t0 = time.process_time()
        write_song(d, seed=0, form=long_form)
        cpu.append(time.process_time() - t0)
    print(f"3-minute form ({sum(n for _, n, _ in spec)} lines): CPU {statistics.mean(cpu):.3f} s mean, "
          f"{max(cpu):.3f} s max = {max(cpu) / 180:.4f} CPU-s per second of audio (budget 0.1 with composing)")
    if args.readings:
        read(args.readings, [(d, text) for d, seed, text in texts if seed == 0])
    if args.seeds > 1:  # two variants of one description: how many lines they share
        by = {}
        for d, seed, _, f, _ in rows:
            by.setdefault(d, []).append(f["lines"])
        shared = [len(a & b) / len(a | b) for a, b, *_ in by.values()]
        print(f"variants (seeds 0 and 1): {statistics.mean(shared):.2f} of their distinct lines shared")


if __name__ == "__main__":
    main()
