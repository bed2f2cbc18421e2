"""Given names: the first word that makes a group of capitalised words a person's name on its own.

Stage: extraction, for :mod:`.names`. Most people a source names come with a cue (a title, a role, a
speech verb, a pronoun later on), but lists and passing mentions do not: "goals from Ana Ruiz and
one by Tom Lee", "alongside the likes of A, B and C". A common given name as the first of two or
three name words is that cue. The list is written for this project from general knowledge of
names in English, Spanish, Portuguese, French, Italian, German, Dutch, Nordic, Slavic, Arabic,
Turkish, Persian, Hebrew, South Asian and African use. Left out on purpose: names that are also
places, months, verbs, adjectives or common nouns at the head of a capitalised phrase ("Jordan",
"Victoria", "May", "Will", "Grant", "Hope", "Christian", "Roman", "Chase", "Milan", "Santiago"),
because "May Day" or "Christian Democrats" must not become people. A given name alone is not a
person: one word stays a name only after a title, as :mod:`.names` says.
"""

from __future__ import annotations

import re

from brief.ingest.vocabulary import KIN_NOUNS, NOT_NAME, THING_HEADS
from brief.quickre import word_start

GIVEN_NAMES = frozenset(
    """
    Aaron Abigail Adam Adrian Alan Albert Alec Alex Alexander Alexandra Alfred Alice Alison Allison Amanda Amber Amy
    Andrew Andy Angela Angus Ann Anna Anne Annie Anthony Antony Arnold Arthur Audrey Barack Barbara Barry Ben Benjamin
    Bernard Bernie Betty Beverly Bill Billy Bob Bobby Brad Bradley Brandon Brenda Brendan Brett Brian Bruce Bryan Calvin
    Cameron Carl Carol Caroline Carolyn Catherine Cathy Charles Charlie Cheryl Chris Christine Christina Christopher Chuck
    Cindy Claire Clare Clarence Claude Clint Colin Condoleezza Connor Craig Curtis Cynthia Dale Dan Daniel Danny Darren
    Dave David Debbie Deborah Denis Dennis Derek Diana Diane Dolores Don Donald Donna Doris Dorothy Doug Douglas Duncan
    Dwight Ed Eddie Edgar Edmund Edward Eileen Elaine Eleanor Eli Elijah Elizabeth Ellen Elliot Elon Emily Emma Eric
    Erica Erin Ernest Ethan Eugene Evan Evelyn Fiona Frances Francis Frank Fred Freddie Frederick Gail Gary Gavin Gene
    Geoff Geoffrey George Gerald Gerry Gilbert Gillian Gina Glen Glenn Gloria Gordon Graham Greg Gregory Gwen Hannah
    Harold Harriet Harry Harvey Heather Helen Henry Herbert Hilary Hillary Howard Hugh Ian Ida Irene Isaac Jack Jackie
    Jacob Jacqueline Jake James Jamie Jane Janet Janice Jason Jean Jeb Jeff Jeffrey Jennifer Jenny Jeremy Jerome Jerry
    Jesse Jessica Jill Jim Jimmy Joan Joanna Joanne Joe Joel John Johnny Jon Jonathan Joseph Josephine Josh Joshua Joyce
    Judith Judy Julia Julian Julie Justin Karen Kate Katherine Kathleen Kathryn Kathy Katie Keith Kelly Ken Kenneth Kevin
    Kieran Kim Kirsten Kristen Kristin Krystal Kyle Larry Laura Lauren Lawrence Lee Len Leo Leonard Leslie Lewis Liam
    Linda Lisa Liz Lloyd Lois Loretta Lorraine Louis Louise Lucy Luke Lynn Madeleine Malcolm Marcia Marcus Margaret
    Maria Marie Marilyn Mark Marsha Martha Martin Marty Mary Matt Matthew Maureen Maurice Max Megan Meghan Melanie Melissa
    Michael Michelle Mick Mickey Mike Mitch Mitchell Mitt Monica Nancy Natalie Natasha Nathan Neil Newt Nicholas Nick
    Nicola Nicole Nigel Noah Nora Norman Oliver Olivia Oprah Owen Pamela Patricia Patrick Paul Paula Pauline Peggy Penny
    Pete Peter Phil Philip Phillip Rachel Ralph Randy Ray Raymond Rebecca Reginald Rex Richard Rick Ricky Rita Rob Robbie
    Robert Roberta Robin Rodney Roger Roland Ron Ronald Rosa Ross Roy Rudy Rupert Russ Russell Ruth Ryan Sally Sam
    Samantha Samuel Sandra Sara Sarah Scott Sean Seth Shane Sharon Sheila Shirley Simon Sonia Sophie Stanley Stephanie
    Stephen Steve Steven Stuart Susan Suzanne Sylvia Tammy Tanya Ted Teresa Terry Theodore Theresa Thomas Tim Timothy
    Tina Toby Todd Tom Tommy Tony Tracy Travis Trevor Tyler Valerie Vanessa Vera Vernon Veronica Vicky Victor Vincent
    Wade Walter Warren Wayne Wendy Wesley William Willie Yvette Yvonne Zach Zachary Zoe
    Adán Alberto Alejandro Alfonso Alicia Alvaro Álvaro Ana Andrés Andres Antonio Armando Arturo Beatriz Carlos Carmen
    César Cesar Claudia Cristina Diego Dilma Eduardo Elena Emilio Enrique Ernesto Esteban Felipe Fernando Francisco
    Gabriel Gabriela Genaro Gerardo Gonzalo Guadalupe Guillermo Gustavo Héctor Hector Hugo Ignacio Isabel Iván Ivan Jair
    Javier Joaquín Joaquin João Joao Jorge José Jose Juan Juana Julio Lorenzo Lucía Lucia Luis Luisa Luiz Manuel Marcelo
    Margarita Mario Marta Mauricio Miguel Nayib Nicolás Ovidio Pablo Pedro Pilar Rafael Ramón Ramon Raúl Raul Ricardo
    Roberto Rocío Rodrigo Rogelio Rui Sebastián Sebastian Sergio Sofía Sofia Tomás Tomas Vicente Ximena Xavier
    Alain Amélie Antoine Arsène Benoît Benoit Brigitte Bruno Céline Chantal Christophe Delphine Didier Dominique Emmanuel
    Étienne Etienne Fabien Fabrice François Francois Françoise Frédéric Frederic Gérard Gerard Guillaume Henri Isabelle
    Jacques Jérôme Julien Juliette Laurent Lionel Marcel Martine Mathieu Mathilde Michel Nathalie Olivier Pascal Patrice
    Philippe Pierre Rémy Sébastien Ségolène Stéphane Sylvie Thibault Thierry Valérie Yves Zinedine
    Alessandra Alessandro Angelo Carlo Cesare Chiara Claudio Dario Dino Elisabetta Emanuele Enrico Fabio Fabrizio
    Federica Filippo Francesca Francesco Franco Gennaro Gianfranco Gianluca Gianluigi Gianni Giorgia Giorgio Giovanni
    Giulia Giuseppe Guido Luca Luigi Marcello Marco Massimo Matteo Mauro Paolo Pietro Roberto Salvatore Sandro Silvia
    Silvio Stefano Umberto Vincenzo Vittorio
    Anders Andreas Annalena Annika Arjen Astrid Axel Bernd Birgit Björn Bjorn Dieter Dirk Edwin Erik Erna Ernst Felix
    Franz Fredrik Friedrich Fritz Gerhard Gisela Greta Günter Gunnar Hans Heidi Heinz Helle Helmut Henk Henrik Horst
    Ingrid Ingvar Jacinda Jan Jens Johan Jonas Joost Jörg Jürgen Karin Karl Kees Klaus Knut Kristian Lars Leif Lena
    Lukas Magnus Manfred Markus Matthias Mette Mikael Monika Niklas Nils Olaf Ole Otto Petra Pieter Rainer Ralf Rolf
    Rudolf Ruud Sabine Sanna Stefan Stig Sven Thorsten Tore Ursula Uwe Werner Willem Wim Wolfgang Zlatan
    Aleksandr Alexei Alexey Anastasia Anatoly Andrei Andrej Andriy Andrzej Boris Dmitri Dmitry Dragan Ekaterina Ferenc
    Goran Igor Irina János Janos Jarosław Jaroslaw Jiri Krzysztof Mateusz Mikhail Natalia Nikola Nikolai Oleg Olga
    Pavel Petr Petro Piotr Sergei Sergey Slobodan Svetlana Tatiana Tomasz Václav Vaclav Viktor Vitali Vladimir
    Volodymyr Wojciech Yulia Yuri Zoran
    Abdul Abdullah Ahmad Ahmed Ahmet Aisha Ali Amina Amir Ayman Bashar Ebrahim Emre Fatima Hamid Hasan Hassan Hosni
    Hossein Hussein Ibrahim Imran Ismail Jamal Javad Karim Khaled Khalid Layla Leila Mahmoud Mehmet Mohamed Mohammad
    Mohammed Muhammad Mustafa Nabil Nawaz Omar Osama Rashid Recep Saad Sadiq Saeed Sajid Salman Sami Samir Shehbaz
    Tariq Walid Yasmin Yasser Youssef Yusuf Zaid
    Amit Anil Arvind Ashok Benazir Deepak Indira Kamala Manmohan Narendra Priti Priya Rahul Raj Rajiv Ravi Rishi
    Sanjay Satya Shashi Sundar Sunil Vijay
    Abiy Chinua Cyril Jacob Kofi Kwame Muhammadu Nelson Olusegun Thabo Uhuru Wole Yoweri
    Ariel Avi Benny Ehud Golda Moshe Naftali Shimon Tzipi Yair Yitzhak
    Akira Fumio Haruki Hiroshi Junichiro Kenji Naoto Shinzo Takeshi Taro Yoshihide
    Alfredo Anjali Arjun Ashley Bianca Caleb Camille Chloe Courtney Dominik Fabian Florian Gemma Jasper Katarina Kayla
    Kelsey Kiran Lindsey Nicolas Oksana Priscilla Theo Tiffany Tobias Valentina Whitney
    Abby Agnes Alana Alexis Amelia Andrea Angelica Angelina Anita Antonia Ashlee Beatrice Bernadette Bonnie Camila
    Carla Carlotta Cecilia Celia Cora Daisy Daniela Danielle Daphne Debra Denise Dina Edith Eliza Ella Eloise
    Emilia Estelle Esther Eva Felicity Flora Gabriella Gillian Greta Harriet Hazel Helena Hilda Imogen
    Iris Isabella Ivana Jade Janine Jasmine Jocelyn Josie Julianne Juliet Karla Kirsty Lara Leah Lena Lila Lillian
    Lorna Louisa Lucinda Lydia Mabel Marcela Mariana Marianne Marisa Maxine Melinda Mildred Miriam Molly Nadia
    Nadine Naomi Nina Noelle Norma Paloma Paola Pauline Phoebe Polly Rhonda Roberta Rosalind Rosemary Roxanne Sabrina
    Sadie Selina Serena Sheryl Simona Stella Susanna Suzy Tamara Tatyana Tessa Thelma Ursula Viola
    Vivian Wanda Wilma Yolanda Zara Zuzana
    Abraham Adolfo Agustin Agustín Alessio Alistair Ambrose Amos Angus Archie Arnaud Augusto Barnaby Bartolomeo Basil
    Benedict Bertrand Boyd Brendon Cedric Cédric Clement Clifford Conrad Cormac Cristiano Cristian Damian
    Damien Declan Desmond Diarmuid Dimitar Dimitri Dimitris Djibril Domenico Donovan Edoardo Elias Emmett Enzo
    Ewan Ezequiel Federico Ferdinand Fergus Florent Gael Gaël Garrett Geraint Gianmarco Gideon Gilles Giorgos
    Gordon Gregor Hamish Harald Heinrich Hernan Hernán Horace Humberto Iain Ignazio Iker Ilya Ioannis Jaime Jarrod
    Jonah Jorginho Josef Joseph Juergen Kai Kasper Kazimierz Konstantin Kostas Leander Leonardo Leopold Lionel Lucas
    Luciano Ludovic Lyle Malik Marcos Marek Mariano Matthias Maximilian Mikel Milos Miloš Moritz Nemanja Neville
    Niall Nikolaos Nikos Norbert Oswald Patrik Percy Rafa Raphael Reinhard Renato Rene René Ricardo Rocco
    Roderick Rory Rudi Rupert Ruslan Sandor Santi Seamus Sergi Sinisa Siniša Stanislav Stavros Stefanos
    Stilian Stoyan Teodor Thiago Tiago Timo Tobias Ulrich Vasily Vassilis Vitor Vladislav Wilfred Xabi Yannick Yevgeny
    Zbigniew Zdenek Zoltan Zoltán
    Adnan Anwar Ayesha Bilal Farah Farid Faisal Fawad Hamza Hana Hanan Haroon Hussain Jawad Kamal Latif Mahmood Majid
    Mariam Marwan Maryam Masood Mohsen Munir Nasser Nasir Nour Qasim Rania Reza Salim Salma Samira Shahid Tahir
    Talal Wael Yasin Yousef Zainab Zayed Ziad
    Aditya Ajay Akash Amitabh Anand Aparna Arun Deepika Divya Gautam Jyoti Kavita Krishna Lakshmi Mahesh Meera
    Mukesh Nandini Neha Nikhil Nitin Paradorn Pooja Pramila Prakash Pranab Rajesh Rakesh Ramesh Ranjit Rekha Rohit
    Sachin Sangeeta Shilpa Shreya Sourav Sunita Suresh Sushma Thaksin Vikram Vinod Yingluck
    Chidi Chinedu Folake Jomo Kagiso Mamadou Moussa Ngozi Nnamdi Obafemi Oluwaseun Sipho Themba Thandiwe
    """.split()
)


# Words that end a name used as a thing's name ("the Adam Smith Lecture", "the Catherine Tate Show"),
# besides the vocabulary's heads of things' names ("Prize", "Memorial", "Act").
_THING_ENDS = THING_HEADS | frozenset(
    """Show Shows Lecture Lectures Fellowship Fellowships Scholar Scholars Diaries Diary Leadership Voting Day Week Series
    Collection Fund Trust House Fellow Tunnel Live Story Light Queen Accords Bulls""".split()
)


def is_given_name(word: str) -> bool:
    """A common given name, or a hyphenated pair that starts with one ("Jean-Michel")."""
    return word in GIVEN_NAMES or ("-" in word and word.split("-", 1)[0] in GIVEN_NAMES)


# Common Chinese surnames that are no English word a sentence may open with ("He", "Ma", "Long"
# are left out), and a given name written in pinyin: one or two syllables, perhaps hyphenated.
CHINESE_SURNAMES = frozenset(
    """Xi Hu Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Zhu Guo Gao Luo Zheng Liang Xie Tang Feng Deng Cao
    Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Cheng Wei Shen Yao Qian Mao Bai Wen Qin Jia Xue Lei Hou Meng Qiu""".split()
)
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|er|a|o|e|i|u)"
)
_PINYIN = re.compile(rf"{_SYLLABLE}(?:-?{_SYLLABLE})?")


def chinese_name(words: list[str]) -> bool:
    """A Chinese name, surname first: "Xi Jinping", "Li Keqiang", "Wang Yi"."""
    return len(words) == 2 and words[0] in CHINESE_SURNAMES and bool(_PINYIN.fullmatch(words[1].lower())) and words[1][1:].islower()


def given_name_person(words: list[str]) -> bool:
    """Two or three name words that a common given name opens, none of them a thing's word or a
    compound ("Jackson-style"): "Ana Ruiz", "Tom Van Lee"; not "the Adam Smith Lecture". Or a
    Chinese name, surname first."""
    if chinese_name(words) and words[1] not in NOT_NAME:
        return True
    return (
        len(words) in (2, 3)
        and is_given_name(words[0])
        and not any(w in _THING_ENDS or (len(w) > 5 and w.endswith("ing")) for w in words[1:])
        and not any("-" in w and not w.split("-")[-1][:1].isupper() for w in words[1:])
    )


_GIVEN = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?"
# Given names that share the surname after the last of them: "David, Sam, and Jim Cartner".
_SHARED_SURNAME = re.compile(
    # never a body's start ("William and Mary Law School")
    # (the word boundary is looked back for from the first capital, so that the engine scans for it)
    rf"(?P<firsts>[A-ZÀ-Þ](?<!\w.)[a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?(?:,\s+{_GIVEN})*,?\s+(?:and|&)\s+)(?P<last>{_GIVEN})\s+(?P<surname>{_GIVEN})(?![\w-])(?!\s+[A-Z])"
)


def shared_surname(text: str) -> list[str]:
    """The people a list of given names and one surname names, each with the surname: "David, Sam,
    and Jim Cartner" -> David Cartner, Sam Cartner, Jim Cartner. Every given name must be a
    common one, so "Paris, Rome and Ana Ruiz" names only Ana Ruiz, whom other rules find."""
    found: list[str] = []
    for match in _SHARED_SURNAME.finditer(text):
        if re.search(r"[A-Z][\w.’'-]*\s+$", text[max(0, match.start() - 30) : match.start()]):
            continue  # "Clive Owen and Natalie Portman": the first given name ends someone else's name
        firsts = [*re.findall(_GIVEN, match.group("firsts")), match.group("last")]
        if len(firsts) >= 2 and all(is_given_name(f) for f in firsts) and not is_given_name(match.group("surname")):
            found += [f"{first} {match.group('surname')}" for first in firsts]
    return found


_POSSESSIVE = word_start(*"My my His his Her her Their their Our our".split())
_KIN_NOUN = rf"(?:{'|'.join(sorted(KIN_NOUNS))})s?"
# Kin named beside the word for them: "her husband, Mel, and their son, Randy", "my granddaughter Maisy".
_KIN_NAMED = re.compile(
    rf"{_POSSESSIVE}\s+(?:late\s+|beloved\s+|youngest\s+|eldest\s+|oldest\s+)?{_KIN_NOUN},?\s+"
    rf"(?P<name>{_GIVEN}(?:\s+{_GIVEN})?)(?![\w’'-])"
)


# Children listed after the word for them: "her brilliant, strong children, Russ, Tom, and especially Robin".
_KIN_LISTED = re.compile(
    rf"{_POSSESSIVE}\s+(?:[a-z-]+,?\s+){{0,3}}?(?:children|kids|sons|daughters|grandchildren),\s+"
    rf"(?P<names>{_GIVEN}(?:,?\s+(?:and\s+)?(?:especially\s+|finally\s+)?{_GIVEN}){{1,8}})"
)


def kin_named(text: str) -> list[str]:
    """People named as someone's kin ("her husband, Mel", "my granddaughter Maisy Roe"), when the
    name opens with a common given name or stands between commas as an apposition ("her husband,
    Mel, and"); and children listed by name ("her children, Russ, Tom, and Robin")."""
    found = []
    for m in _KIN_NAMED.finditer(text):
        apposed = text[m.start("name") - 2 : m.start("name")] == ", " and re.match(
            r"\s*(?:,|and\b)", text[m.end("name") : m.end("name") + 5]
        )
        first = m.group("name").split()[0]
        if is_given_name(first) or (apposed and " " not in m.group("name") and first not in NOT_NAME):
            found.append(m.group("name"))
    for m in _KIN_LISTED.finditer(text):
        found += [n for n in re.findall(_GIVEN, m.group("names")) if n not in NOT_NAME]
    return found
