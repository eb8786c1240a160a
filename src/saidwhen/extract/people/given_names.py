"""More given names, for a person's gender and for telling a person's name from a body's.

The lexicon's lists (:data:`~saidwhen.extract.lexicon.FEMALE_NAMES`, ``MALE_NAMES``) are
features of the name tagger and stay as they are; these widen the gender a he/she is
matched by ("Carly Fiorina ... she said"). Left out: names given to both ("Leslie",
"Lynn", "Marty", "Jaime"), names that are also places, firms or words ("Carolina",
"Helena", "Chad", "Walt", "Dick"), and given names as often surnames ("Murray", "Lewis").
"""

from __future__ import annotations

__all__ = ["EXTRA_FEMALE_NAMES", "EXTRA_MALE_NAMES"]

EXTRA_FEMALE_NAMES = frozenset(
    """
    abby adele adrienne agatha aileen alana alexa alexandra alina allie alma alyson
    angie anjali annabel annie annika arianna audrey ayesha barb beatriz becky belinda
    bernice beth bethany birgit blanche bridgette brigid brigitte brooke caitlin callie
    camille candace candice cara carlotta carly carrie cathleen cathy cecile cecily
    celia charlene cherie chiara christiane christy cindy clarissa colette debbie delia
    dina dionne dora doreen edith edna eleni elisa elisabeth elke elsie emilia emilie
    estelle ethel eugenia faye federica fern francine freya gail gemma genevieve
    geraldine gertrude gillian giselle giulia gladys glenda gretchen henrietta hilary
    hilda ida imogen indira ines inez irina irma isabelle janine jeanette jeannie jelena
    jennie jillian joann joanne jodie josie juliet justine kaitlyn kara karin katarina
    katja katrina kay kendra kristina kristy krystal lana lara laurie lesley libby lila
    liliana liz liza lizzie loretta lorna lucille luisa lynne lyudmila madeleine
    madeline magdalena mandy marcy margarita margo marguerite marianne marisol marjorie
    marla marta matilda maura mavis meera meg meredith michaela michele mindy minnie
    mona myra nadine natalia nathalie nell nellie nikki noelle oksana opal paige pam
    patsy patti patty peggy petra phoebe polly raquel rebekah rhonda robyn rochelle
    rosalind rosalyn rosie roxana sabina sabine samira sigrid silvia simona sophie
    stacey sunita susie suzy svetlana sybil tania tanya tatyana tricia trudy ulrike
    valentina vicki vickie viola violet vivienne wilma yulia yvette zainab zelda zeynep
    """.split()
)
EXTRA_MALE_NAMES = frozenset(
    """
    abe adrian alastair alec alfonso alistair ambrose amir amos andy angus anton anwar
    archie arjun armando axel barney bart bashar benny bert bilal bob boyd brent buddy
    burt caleb cecil chester christoph conrad cornelius cory damian darius darrell denis
    derrick devin dirk dom donovan doug dudley eamon eli elias elliot elmer emil
    emile emilio erich ernie errol ezra fabian fabio farid felipe ferdinand floyd franco
    franz fritz garrett gaston geoff gerard gerhard gerry giovanni giuseppe gonzalo
    gregg gunther gus hal hamid hamza hank hassan heinz helmut henri herb horace hubert
    humberto ibrahim irving irwin isaiah ismail jacques jamal jamil jasper jed jens
    jeremiah joachim joaquin johan johannes jonas josef josh jules jurgen kareem karim
    kelvin kermit khalid khalil kirk klaus kofi lamar lars laurence lenny leo leonardo
    leopold lester liam lionel lorenzo lucas luigi lyle lyndon mahmoud manfred manny
    marc marcel marcelo marek mathew maurice mehmet michel milo mitt mohammad
    moshe mustafa myron nabil nate nathaniel ned nico nicolas niels nikolai norbert olaf
    oleg orrin oswald otto paolo pascal percy pierre piotr quentin quincy rahm rajesh
    ramesh randolph raphael rashid reginald reinhard reuben rhys richie rob robbie robby
    rocco rodolfo rolf rory rupert russ sal salvatore sami sammy saul scot seamus
    sebastian serge sergey shaun sheldon sid silvio stefan stephan stu sylvester
    tad tariq thad thaddeus tobias toby tomas trey tristan tyrone ulrich umar uri vaughn
    vin vince virgil vito walid wendell werner wilfred willard wolfgang woody wyatt
    yasser yitzhak yuri zack zeke ziad
    """.split()
)
