"""Children's songs of make-believe (helper fantasy): each creature its own world, in one voice."""

from topline.music.lyrics.topic import read_topic
from topline.music.lyrics.writer import STRONG, make_title, theme_weights, write_song


def _text(description: str, seed: int = 0) -> str:
    return write_song(description, seed=seed)[1]


def test_a_creature_in_a_song_for_children_names_its_own_theme():
    assert {"pirate"} <= read_topic("a kids song about pirates looking for treasure").themes
    assert {"knight", "kiddragon"} <= read_topic(
        "a kids song about a young knight who helps a lost dragon find its way home").themes
    assert "rocket" in read_topic("a song for kindergarten about flying a rocket to the moon").themes
    t = read_topic("a fun pirate song for my 5 year old's birthday party about sailing the seven seas")
    assert "pirate" in t.themes and "no-grown" in t.tags
    assert theme_weights(t)["pirate"] >= STRONG and theme_weights(t)["festival"] == 0.0
    # a unicorn, a mermaid, fairies, a dinosaur or a superhero make a children's song by themselves
    t = read_topic("a song about a unicorn")
    assert "unicorn" in t.themes and "no-grown" in t.tags
    assert "kidmonster" in read_topic("a silly song about the friendly monster who lives in my closet").themes


def test_no_childrens_world_where_the_song_is_not_for_children():
    assert not read_topic("heavy metal song about a dragon").themes & {"kiddragon", "knight"}
    assert "robot" not in read_topic("a synthwave song about a robot in the city").themes
    assert "fairies" not in read_topic("a silly song about the tooth fairy").themes
    assert "kidmonster" not in read_topic("a rock song about the monster in my head").themes


def test_each_creature_sings_its_own_world():
    pirate = _text("a fun pirate song for my 5 year old's birthday party about sailing the seven seas")
    assert "Yo ho ho, we sail the seven seas" in pirate
    assert "I pack a flashlight" not in pirate and "glasses clink" not in pirate and "old house" not in pirate
    assert "I'm a fun pirate" not in pirate
    robot = _text("a kids song about a little robot who wants to make friends")
    assert "Beep boop, will you be my friend" in robot
    assert "coral" not in robot and "twenty years" not in robot and "wants to make friends, I know" not in robot
    mermaid = _text("a gentle song about a mermaid who lives under the sea, for my daughter")
    assert "The mermaids sing in coral caves" in mermaid and "every hero starts out small" not in mermaid.lower()
    dragon = _text("a bedtime song about a little dragon who is afraid to fly")
    assert "It's far too scared to try to fly" in dragon
    assert "smoke has cleared" not in dragon and "closet door" not in dragon
    knight = _text("a kids song about a young knight who helps a lost dragon find its way home")
    assert "mountains burning" not in knight and "hurt like this" not in knight


def test_one_voice_per_song():
    # the fairies dance, not the singer; the unicorn is sung of, not ridden by an "I" who packs a snack
    fairies = _text("a sweet song about fairies dancing in the garden at night")
    assert "we're dancing" not in fairies and "knees hurt" not in fairies
    assert "The fairies hold hands and sing" in fairies
    unicorn = _text("a magical song about a unicorn with a rainbow mane for a little girl")
    assert "I ride the unicorn" not in unicorn and "promise mom" not in unicorn
    superhero = _text("an upbeat song for preschoolers about being a superhero and helping others")
    assert "A helping hand, a happy heart" in superhero


def test_whom_a_make_believe_song_is_for_is_not_its_title():
    assert make_title("a gentle song about a mermaid who lives under the sea, for my daughter") == "Mermaid"
    assert make_title("a magical song about a unicorn with a rainbow mane for a little girl", seed=1) != "Little Girl"
