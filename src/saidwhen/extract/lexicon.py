"""Word lists the extraction stages share, in one place so they are easy to review.

These are written by hand for news English; they are data, not logic.
"""

from __future__ import annotations

__all__ = [
    "CHANNEL_WORDS",
    "FEMALE_NAMES",
    "FEMALE_WORDS",
    "FRAGMENT_CUES",
    "MALE_NAMES",
    "MALE_WORDS",
    "PAPER_WORDS",
    "ROLE_NOUNS",
    "SPEECH_VERBS",
    "TITLES",
]

# Lemmas of verbs that introduce speech or writing (direct quotes).
SPEECH_VERBS = frozenset(
    """
    press remember issue release shoot fire hit push snap bark fume rail scoff sneer
    gripe vent tease chide scold rebut rebuke lash thunder roar yell holler bellow
    groan moan whine chant
    say tell write add reveal explain share note claim insist state announce argue
    ask answer reply respond tweet post comment admit acknowledge warn declare
    confirm deny suggest recall continue conclude remark joke quip shout scream
    exclaim whisper mutter complain boast concede predict promise urge assure
    address describe call thank praise express report recount testify plead vow
    pledge quote caption blog retort counter observe muse lament cry sob laugh sigh
    chime interject demand question wonder speak tout stress emphasize emphasise
    reiterate repeat mention maintain assert allege contend charge accuse criticize
    criticise slam blast attack defend dismiss reject caution advise recommend
    propose offer inform notify disclose divulge indicate signal hint imply
    acknowledge agree disagree object protest grumble gush rave open reflect detail
    describe elaborate clarify correct begin finish summarize believe think feel
    know hope fear worry expect estimate calculate figure guess
    """.split()
)

# Verbs that govern a quoted fragment as something said ("thanked them for their "...")
FRAGMENT_CUES = SPEECH_VERBS | frozenset(
    """
    thank express call dub label brand term name describe characterize characterise
    praise hail welcome condemn denounce decry slam blast mock deride refer promise
    apologize apologise celebrate congratulate wish describe vow
    """.split()
)

# Courtesy and office titles stripped from names ("Ms. Teigen" -> "Teigen").
TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sen sen. rep rep. gov gov. gen
    gen. lt lt. col col. sgt sgt. maj. capt capt. rev rev. sir dame lord lady hon hon.
    judge justice president senator governor representative congressman
    congresswoman mayor secretary minister chancellor sheriff chief speaker
    ambassador general pope king queen prince princess vice commissioner
    """.split()
)

# The titles that say only courtesy, no office: no descriptor of who someone is.
COURTESY_TITLES = frozenset("mr mr. mrs mrs. ms ms. miss mx mx.".split())

# Nouns that describe a person's role; a definite "the senator" may refer to a person.
ROLE_NOUNS = frozenset(
    """
    model singer actor actress author writer novelist poet journalist reporter
    editor columnist anchor host presenter comedian rapper musician songwriter
    producer director filmmaker photographer designer artist painter dancer chef
    cook athlete player coach quarterback pitcher striker manager owner founder ceo
    executive chairman chairwoman president senator governor mayor congressman
    congresswoman representative lawmaker legislator candidate nominee politician
    diplomat ambassador minister secretary spokesman spokeswoman spokesperson aide
    adviser advisor strategist pollster analyst economist scientist researcher
    professor doctor physician surgeon nurse lawyer attorney judge prosecutor
    detective officer sheriff soldier general veteran pastor priest bishop rabbi
    imam activist campaigner organizer entrepreneur investor banker billionaire
    businessman businesswoman star celebrity influencer blogger youtuber teacher
    student mother father wife husband daughter son sister brother widow mogul
    tycoon magnate businessperson star personality
    whip chair admiral advocate archbishop cardinal republican democrat
    runner frontrunner front-runner contender incumbent
    """.split()
)

# The last word of a newspaper's name, which names it alone ("the Times", "the Post").
PAPER_WORDS = frozenset(
    "times post journal tribune herald globe chronicle gazette examiner inquirer".split()
)

FEMALE_WORDS = frozenset(
    """
    ms ms. mrs mrs. miss madam lady dame queen princess actress wife mother daughter
    sister widow congresswoman chairwoman spokeswoman businesswoman girl woman
    """.split()
)
MALE_WORDS = frozenset(
    """
    mr mr. sir lord king prince husband father son brother widower congressman
    chairman spokesman businessman boy man
    """.split()
)

# Common given names, to guess gender when the text offers nothing better.
FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy
    lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol
    amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy
    shirley angela helen anna brenda pamela nicole emma samantha katherine christine
    debra rachel catherine carolyn janet ruth maria heather diane virginia julie
    joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
    andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
    jean alice madison doris abigail julia judy grace denise amber marilyn beverly
    danielle theresa sophia marie diana brittany natalie isabella charlotte rose
    alexis kayla hillary chelsea melania ivanka michelle nancy kellyanne huma sarah
    elizabeth kamala chrissy kim kourtney khloe kylie kendall taylor beyonce rihanna
    oprah ellen jill tiffany kirsten tammy dianne susan lisa claire marsha hope
    donna megyn greta katy meghan hoda savannah luna jane lucy ella
    """.split()
)
MALE_NAMES = frozenset(
    """
    james robert john michael william david richard joseph thomas charles
    christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth
    kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas
    eric jonathan stephen larry justin scott brandon benjamin samuel gregory
    alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan
    henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger
    terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan
    billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy
    vincent ralph eugene russell bobby mason philip louis barack bill mike ted marco
    jeb chris rand newt rudy reince corey paul bernie tim mitch harry chuck joe
    hunter eric jared steve rex kanye miles tom ben
    """.split()
)

# Words that name a channel of speech; the phrase around them is the channel.
CHANNEL_WORDS = frozenset(
    """
    instagram twitter facebook tiktok youtube snapchat medium substack linkedin
    reddit threads tumblr podcast interview statement blog post tweet video op-ed
    oped column essay letter memo speech rally conference briefing broadcast show
    episode email newsletter message livestream press
    """.split()
)
