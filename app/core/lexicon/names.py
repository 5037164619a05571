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
"""

MALE_GIVEN_NAMES = frozenset(_MALE.split())
FEMALE_GIVEN_NAMES = frozenset(_FEMALE.split())
