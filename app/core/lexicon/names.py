"""Given names that tell a person's gender, for resolving "he" and "she" to the right earlier person.

Why: in running news text a pronoun refers to the last person of matching gender. Before any pronoun has
been resolved to a person, the given name is the only clue ("Ted Cruz ... Hillary Clinton ... she said" is
Clinton). The lists hold common, unambiguous given names only: a name used for both (Jordan, Alex, Robin,
Jean, Kim) is in neither, and an unknown name tells nothing, so the resolver falls back on salience alone.
"""

from __future__ import annotations

_MALE = """
    aaron abdul adam adrian ahmed alan albert alexander alfred ali andrew andy anthony antonio arnold arthur
    barack ben benjamin bernie bernard bill billy bob bobby boris brad bradley brandon brendan brian bruce
    bryan carl carlos charles charlie chris christopher chuck cory craig dan daniel danny darrell dave david
    dennis dick don donald doug douglas duncan dwight ed eddie edward elijah elliot emmanuel eric ernest eugene
    frank franklin fred frederick gary george gerald glenn gordon greg gregory harold harry hector henry howard
    hugh ian isaac ivan jack jacob jake james jared jason jeb jeff jeffrey jeremy jerry jim jimmy joe joel john
    johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kurt
    larry lawrence leon louis luis luke marco marcus mario mark martin matt matthew max michael mike
    mitch mitchell mohammed muhammad nathan neil nicholas nick nigel noah oliver omar oscar patrick paul peter
    phil philip pierre ralph randy ray raymond reince richard rick rob robert roberto rod roger ron ronald
    rudy russell ryan sam samuel scott sean sergei seth stephen steve steven stuart ted terry thomas tim
    timothy todd tom tony travis trey victor vincent vladimir walter wayne william willie xi
    aidan alec alfonso allen alvin andre andres angelo antoine archie arturo barry bart bert blake boyd
    brett brent brody burt byron calvin cecil cedric cesar chester clarence clark claude clay clayton clifford
    clint cody colin conor connor cornelius curtis dalton damon darius darren darryl derek desmond dexter
    dominic donovan dustin dylan earl edgar edwin eli elliott elmer elton emil enrique erik ernesto ethan evan
    everett felix fernando floyd francisco gabriel garrett gavin geoff geoffrey gerard gilbert giovanni glen
    hank harvey herbert herman homer horace hunter irving jamal jarrod javier jay jeremiah jerome
    jesse jesus joaquin joey jonah julio julius khizr kyle lamar lars lenny leo leonard leroy lester
    lewis lloyd lonnie lou lucas luther lyle malcolm manuel marc marcel marshall marvin maurice melvin merrick
    miguel mikhail miles milton mitt mohamed morris moses murray nate ned nelson newt norman otis owen pablo
    pedro percy perry pete preston quentin rafael rahm ramon rand randall randolph raul reggie reginald rex
    ricardo ricky robby rocco rodney rodrigo roland roman ross roy ruben rudolph rupert salvador sammy
    santiago saul sebastian sergio seymour shane sheldon sherman silas simon spencer stanley sterling syed tad
    teddy terrence theodore tobias toby trayvon trent trevor troy tyler vernon vince virgil wallace
    wendell wes wesley wilbur willard winston woody xavier zach zachary
"""

_FEMALE = """
    abigail alice alicia alison amanda amy ana andrea angela angelina ann anna anne annie barbara betsy
    betty beverly brenda carly carol caroline carolyn catherine cathy charlotte cheryl christina christine
    cindy claire colleen cynthia debbie deborah debra denise diana diane donna doris dorothy elaine eleanor
    elizabeth ellen emily emma erica erin eva evelyn frances gabrielle gloria grace hannah heather heidi
    helen hillary huma ivanka jackie jane janet janice jennifer jessica jill joan joanne joyce judith judy
    julia julie karen kate katherine kathleen kathy katie kelly kellyanne kimberly kirsten kristen laura
    lauren linda lisa lori louise lucy lynn madeleine margaret maria marie marilyn martha mary megan megyn
    melania melissa michele michelle monica nancy natalie nicole nikki olivia pamela patricia paula peggy
    rachel rebecca rita rosa rose ruth sally samantha sandra sara sarah sharon shirley sophie stephanie
    susan suzanne tammy teresa theresa tiffany tina valerie victoria wendy
    abby adriana aileen alexandra alina allison alma amelia anita annette antoinette arlene audrey
    ava beatrice becky belinda bernadette bernice bethany bonnie brandi brittany brooke camille candace carla
    carmen carrie cassandra cecilia celeste chloe christy claudia connie constance cora courtney
    daphne darlene deanna delia della dena desiree dolores edith eileen elena elise eliza
    ella eloise elsa esther ethel felicia fiona flora geraldine ghazala gina gladys glenda greta gwen
    gwendolyn harriet hazel hilda ida irene isabel isabella jacqueline jeanne jeannette jenna jenny
    joanna jocelyn joni josephine juanita kara katharine kathryn katrina kayla kendra kristin kristina kristy
    krista lana latoya leah lena lila lillian lily lindsay liz lois loretta lorraine lucia lucille lydia mabel
    maggie mallory mandy marcia margo marian marianne marla marlene marsha maureen maxine maya melanie
    melinda meredith mia mildred molly muriel myra nadia naomi natasha nell nellie nina nora norma olga paige
    pam patsy pauline penelope phyllis polly priscilla rachael ramona regina renee rhonda roberta robyn
    rochelle rosalind rosemary roxanne sabrina sadie selena serena sheila sheryl sonia sonya stacy stella
    susanna sylvia tamara tanya tara tashfeen tessa thelma trisha ursula vanessa vera veronica vicki viola
    vivian wanda yolanda yvonne zoe
"""

MALE_GIVEN_NAMES = frozenset(_MALE.split())
FEMALE_GIVEN_NAMES = frozenset(_FEMALE.split())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(line.strip() for line in text.strip().splitlines() if line.strip())


# Places named by one word, folded: US states and their AP abbreviations, countries and large cities. Why:
# a place is never a speaker, yet it is capitalised and sits where a subject does ("In Leeds, the reporter
# said", "Sen. Jo Doe of Ohio", "Pa. Sure"); a name made only of places, demonyms and party labels is
# rejected. Places that are also common surnames (Washington, Jordan, Chad, Georgia as a given name) are
# left out: a lone "Washington" may be Kerry Washington.
_ONE_WORD_PLACES = """
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
    indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia
    wisconsin wyoming
    ala ariz ark calif colo conn fla ga ill ind kan kans ky md mass mich minn mont neb nev okla ore pa tenn
    tex vt va wash wis wisc wyo
    afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain bangladesh
    belarus belgium bolivia bosnia botswana brazil britain bulgaria burma cambodia cameroon canada chile
    china colombia congo croatia cuba cyprus czechia denmark ecuador egypt england eritrea estonia ethiopia
    europe finland france gaza germany ghana greece guatemala haiti honduras hungary iceland india indonesia
    iran iraq ireland israel italy japan kazakhstan kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon
    liberia libya lithuania luxembourg macedonia madagascar malawi malaysia mali malta mexico moldova
    mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway
    oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan
    tajikistan tanzania thailand tunisia turkey turkiye turkmenistan uganda ukraine uruguay uzbekistan
    venezuela vietnam wales yemen zambia zimbabwe africa asia america
    atlanta baltimore boston charlotte chicago cincinnati cleveland dallas denver detroit houston
    indianapolis miami milwaukee minneapolis nashville philadelphia phoenix pittsburgh portland sacramento
    seattle manhattan brooklyn queens bronx
    london paris berlin moscow beijing tokyo kyiv kiev madrid rome brussels vienna warsaw athens cairo
    baghdad tehran damascus beirut jerusalem istanbul ankara delhi mumbai karachi islamabad kabul seoul
    pyongyang shanghai bangkok jakarta manila sydney melbourne toronto montreal ottawa havana caracas
    bogota lima dublin edinburgh glasgow manchester liverpool birmingham leeds geneva zurich amsterdam
    stockholm oslo copenhagen helsinki lisbon prague budapest bucharest belgrade riyadh dubai doha
"""
# Places named by several words, folded and joined by one space.
_MANY_WORD_PLACES = """
    new hampshire
    new jersey
    new mexico
    new york
    new york city
    north carolina
    south carolina
    north dakota
    south dakota
    west virginia
    rhode island
    district of columbia
    united states
    united kingdom
    united arab emirates
    saudi arabia
    south africa
    south korea
    north korea
    new zealand
    sri lanka
    costa rica
    puerto rico
    el salvador
    hong kong
    san francisco
    san diego
    san antonio
    san jose
    los angeles
    las vegas
    new orleans
    salt lake city
    kansas city
    st. louis
    st louis
    capitol hill
    wall street
    silicon valley
    middle east
    latin america
    south america
    north america
    central america
    west bank
"""
PLACE_NAMES = _words(_ONE_WORD_PLACES) | _phrases(_MANY_WORD_PLACES)

# Words that turn a capitalised run into a place or a thing: "Fort Pierce", "Wall Street", "Orange County".
# Why: such a run is capitalised like a name but names no one. Surnames that are also place nouns (Hill,
# Park, Bay, Field, Rivers) are left out.
PLACE_HEADS = _words("street avenue road boulevard square county city island islands valley beach airport")
PLACE_OPENERS = _words("fort mount mt lake cape port")
# Head nouns of named things: "the North American Free Trade Agreement", "the Paris Accord", "the Second
# Amendment". Why: a title word inside the name ("Trade") makes the rest look like a person ("Agreement").
# Surnames among such nouns (Law, Deal, Bill, Day, Summit) are left out.
THING_HEADS = _words(
    """
    agreement agreements accord accords treaty pact act amendment initiative doctrine programme program
    movement conference convention festival award awards prize championship championships games olympics
    tournament cup league fair
    """
)

# Nationality, party and ideology labels, folded: they modify a name ("U.S. Democratic nominee Jo Doe",
# "Russian Foreign Minister") and are never one themselves. Why: a run made only of these and places is a
# label, not a person ("Presumptive Democrat", "Soviet Republic").
AFFILIATIONS = _words(
    """
    american americans british briton britons english scottish welsh irish french german germans russian
    russians chinese japanese korean indian pakistani afghan iranian iraqi israeli israelis palestinian
    palestinians syrian turkish egyptian saudi mexican mexicans canadian canadians australian italian spanish
    greek polish ukrainian ukrainians european europeans african asian arab arabs muslim muslims christian
    christians jewish catholic evangelical soviet latino latinos latina hispanic hispanics
    democrat democrats democratic republican republicans gop conservative conservatives liberal liberals
    labour tory tories socialist socialists communist communists libertarian progressive progressives
    independent independents federal national presumptive u.s us uk un eu
    northern southern eastern western northeastern northwestern southeastern southwestern midwestern midwest
    """
)

# Nouns that, between a capitalised modifier and a name, make the name the head of the phrase ("Clinton ally
# Jo Roe", "Blaze co-host Jo Roe", "Concord resident Jo Roe") without being roles a later "the ally" refers
# back to. Why: the role nouns of lexicon/speech.py cover offices; these cover relations to the modifier.
PHRASE_ROLE_NOUNS = _words(
    """
    ally allies constituent host co-host anchor co-anchor writer donor supporter resident neighbor neighbour
    friend colleague classmate teammate rival opponent critic fan backer confidant
    """
)

# --- What a capitalised run carries besides the name -----------------------------------------------------
# A run as printed is [place/org/party modifiers]* [office or occupation nouns]* [honorifics]* NAME: "Ohio
# Gov. Jo Roe", "Deputy Finance Minister Jo Roe", "Alhaji Musa Bello", "Comedian Jo Roe", "Republican Jo
# Roe", "LAGOS Jo Roe" (a dateline glued to the first sentence). One outlet prints the prefix, another does
# not; the person is the NAME alone, so each kind of prefix word is one class below, stripped structurally
# (see speakers.name_start). Words that are also common given names (Don, Sayed, Elder, Tan, Sri, Pak,
# Sultan, Duke, Earl, Raja, Obi, Hunter, Singer) are left out: "Don Lemon" and "Sri Mulyani" keep their given names.

# Forms of address of every tradition: they honour a person and never belong to the name. Why: outlets
# disagree on them ("Alhaji Musa Bello" in one, "Musa Bello" in another, "Mallam Bello" in a third).
HONORIFICS = _words(
    """
    mr mrs ms miss mx mister dr doctor prof sir dame lord lady hon honourable honorable madam madame
    excellency hrh comrade
    rev revd reverend pastor fr brother sister bishop archbishop cardinal pope monsignor msgr deacon
    apostle evangelist prophet venerable rabbi cantor imam sheikh shaikh sheik mufti mullah ayatollah
    hojatoleslam maulana moulana maulvi ustaz ustadh swami guru pandit acharya lama
    alhaji alhaja alh hajia hajiya haji hajjah mallam malam oba igwe otunba oloye
    shri shree smt shrimati kumari sardar begum janab mian
    datuk dato datin tun tunku tengku encik puan
    herr frau monsieur mme mlle senor senora senorita signor signora dona mevrouw meneer pani
    """
)

# The honorifics that tell a person's gender: "Mrs. Clinton" is Hillary, not Bill, and a later "she" may be
# her. Why: in papers that print an honorific before every surname, it is the one gender clue a surname
# carries.
MALE_HONORIFICS = _words("mr mister sir herr monsieur senor signor")
FEMALE_HONORIFICS = _words(
    "mrs ms miss madam madame dame lady frau mme mlle senora senorita signora dona begum hajia hajiya alhaja"
)

# Offices and ranks whose name precedes a person's ("County Recorder Jo Roe", "Majority Whip Jo Roe",
# "Brig. Gen. Jo Roe", "Chief of Staff Jo Roe" split at "of" into "Staff Jo Roe"). Why: the title nouns of
# lexicon/speech.py cover the common offices; these are the rest of the class, so that a title one outlet
# prints is never taken for a given name.
OFFICE_NOUNS = _words(
    """
    whip advocate recorder clerk comptroller auditor assessor solicitor magistrate premier ombudsman
    registrar administrator commandant warden constable chairperson secretary-general undersecretary
    consul nuncio assemblymember councilmember alderwoman selectman supervisor freeholder counsel
    staff affairs
    brig brigadier commodore ensign cpl corporal pvt adm cmdr maj supt det atty insp
    cfo coo cto cio co-founder cofounder
    duchess baroness viscount marquess maharaja
    """
)

# Occupations and public roles printed as a title before a name ("Comedian Jo Roe", "Billionaire Jo Roe",
# "Republican contender Jo Roe", "DJ Jo Roe"). Why: they describe the person like an office does; one
# outlet prints them, another does not. Words that are adjectives before a plural as often as titles
# ("rival teams", "comic book", "hopeful signs") are left out: a lower-case role word before a run makes
# that run a person.
OCCUPATION_NOUNS = _words(
    """
    comedian comedienne filmmaker anchor broadcaster commentator pundit blogger vlogger
    youtuber influencer billionaire millionaire businessman businesswoman tycoon mogul magnate celebrity
    celebrities songwriter rapper musician dj playwright screenwriter cartoonist philanthropist
    televangelist preacher entertainer supermodel socialite restaurateur
    contender nominee frontrunner front-runner challenger incumbent
    neurosurgeon sociologist psychiatrist pediatrician cardiologist oncologist neurologist demographer
    statistician mathematician philosopher theologian linguist anthropologist archaeologist geographer
    scholar academic dissident athlete rancher contributor
    quarterback linebacker cornerback tailback halfback fullback receiver center centre striker midfielder
    defender goalkeeper goalie pitcher catcher shortstop outfielder infielder winger playmaker batsman bowler
    jockey
    """
)

# Places and labels that are also given names: never stripped as a modifier before a name ("India Walton",
# "Paris Hilton", "America Ferrera", "Christian Horner").
GIVEN_NAME_PLACES = _words("india asia paris america israel christian georgia florence victoria charlotte")

# --- One organisation across outlets -----------------------------------------------------------------------
# Generic heads of an organisation's name that outlets swap for one body: "the Acme police" is "Acme Police
# Department" and "the Acme police force"; "The Save Our Park campaign" is "the 'Save Our Park' movement".
# Why: the distinctive words ("Acme", "Save Our Park") identify the body, the head only says what kind it is.
# Each family folds to its first word; bodies of different families (a ministry and an office, a bank and a
# group) are never folded together, since one event may name two of them.
ORG_HEAD_FAMILIES: dict[str, frozenset[str]] = {
    "police": _words("police constabulary"),
    "campaign": _words("campaign campaigns movement group coalition alliance initiative network"),
}
# Words after "police" that add nothing: "Acme Police Department", "the Acme police force".
POLICE_TAILS = _words("department dept force service services")
# Small words of an organisation's name that outlets add or drop: "Department of Justice" / "Justice
# Department".
ORG_FUNCTION_WORDS = _words("the a an of for and on")

# --- One given name in its familiar forms --------------------------------------------------------------------
# The familiar forms of common English given names, each line a formal name and its short forms. Why: outlets
# print one person's given name both ways ("Charles Schumer" / "Chuck Schumer", "William Kristol" / "Bill
# Kristol", "Benjamin Netanyahu" / "Bibi Netanyahu"), and only the name words tell that the two are one person.
# A short form shared by two formal names (Ted: Edward and Theodore; Pat: Patrick and Patricia) is listed under
# each; two forms meet when they share a formal name.
_GIVEN_NAME_FORMS = """
    albert al bert
    alexander alex alec sandy
    alexandra alex sandra sandy
    alfred al alf fred
    andrew andy drew
    anthony tony
    arthur art
    benjamin ben benji benny bibi
    bernard bernie
    catherine cathy kate katie kay cat
    charles charlie chuck chas
    christopher chris kit
    christine chris chrissy christy tina
    daniel dan danny
    david dave davy
    deborah debbie deb debra
    donald don donny
    douglas doug
    edward ed eddie ted ned
    elizabeth liz lizzie beth betsy betty eliza libby
    eugene gene
    frederick fred freddie
    gerald gerry jerry
    gregory greg
    harold harry hal
    henry hank harry
    herbert herb
    jacob jake
    james jim jimmy jamie
    jeffrey jeff
    jennifer jen jenny
    john jack johnny
    jonathan jon
    joseph joe joey
    joshua josh
    judith judy
    katherine kathy kate katie kathleen kay
    kenneth ken kenny
    lawrence larry
    leonard len lenny leo
    margaret maggie meg peggy marge
    matthew matt
    michael mike mikey mick
    nathaniel nate nat
    nicholas nick nicky
    pamela pam
    patricia pat patty trish
    patrick pat paddy
    peter pete
    philip phil
    raymond ray
    rebecca becky becca
    richard rick ricky dick rich
    robert rob bob bobby robbie bert
    ronald ron ronnie
    samuel sam sammy
    samantha sam
    stephen steve stevie
    steven steve stevie
    susan sue susie
    terrence terry
    theodore ted teddy theo
    thomas tom tommy
    timothy tim timmy
    victoria vicky tori
    vincent vince vinny
    walter walt
    william bill billy will willie liam
    zachary zach zack
"""
# Each form (formal or short) to the formal names it may stand for.
GIVEN_NAME_ROOTS: dict[str, frozenset[str]] = {}
for _line in _GIVEN_NAME_FORMS.strip().splitlines():
    _formal, *_short = _line.split()
    for _form in (_formal, *_short):
        GIVEN_NAME_ROOTS[_form] = GIVEN_NAME_ROOTS.get(_form, frozenset()) | {_formal}

# --- Korean names --------------------------------------------------------------------------------------------
# The common Korean family names in their usual romanisations (about nine Koreans in ten carry one of them).
# Why: a Korean given name is printed hyphenated with a lower-case second syllable ("Moon Jae-in", "Kim
# Yong-hyun"), the shape of an English modifier compound ("Ohio-based", "Democratic-leaning"); after one of
# these family names it is a given name, and the family name comes first ("Mr. Moon").
KOREAN_FAMILY_NAMES = _words(
    """
    kim lee yi rhee ri park pak bak choi choe jung chung jeong kang cho jo yoon yun jang chang lim im han
    oh seo suh shin sin kwon hwang ahn an song yoo yu ryu hong jeon chun ko go moon mun yang son bae baek
    heo huh nam noh roh ha kwak sung seong cha joo ju woo koo ku min ban
    """
)
