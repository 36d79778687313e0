/**
 * Common Dutch first names and surnames, for the person-name check (`personName`).
 *
 * Source: compiled by hand for this project, without network access, from the published
 * frequency lists of the Meertens Instituut (KNAW) as the reference: the Nederlandse
 * Voornamenbank (https://www.meertens.knaw.nl/nvb/) for first names and the Nederlandse
 * Familienamenbank / CBS surname counts (https://www.cbs.nl/, "familienamen") for surnames.
 * The lists are not a copy of those databases: they hold the names a reviewer would recognise as
 * among the commonest in the Netherlands today (including the common names of Dutch people with a
 * Turkish, Moroccan, Surinamese and other background), spelled as they are usually written.
 * Nothing here is a real person. Words that are also ordinary Dutch words when capitalised at the
 * start of a sentence (e.g. "Wil", "Roos", "Mark") stay in the list: the check only reports a first
 * name together with a surname, never a first name alone.
 *
 * Surnames are listed without their tussenvoegsel ("Berg" for "van den Berg"); the check accepts
 * any sequence of tussenvoegsels (TUSSENVOEGSELS below) in front of a surname.
 */

export const FIRST_NAMES: readonly string[] = [
  // women
  'Anna', 'Emma', 'Julia', 'Sophie', 'Tess', 'Zoë', 'Sara', 'Sarah', 'Eva', 'Lisa', 'Lotte', 'Fleur', 'Sanne', 'Iris', 'Anouk',
  'Femke', 'Lieke', 'Noa', 'Mila', 'Yara', 'Nina', 'Evi', 'Saar', 'Liv', 'Fenna', 'Lynn', 'Isa', 'Roos', 'Esmee', 'Demi',
  'Maud', 'Floor', 'Britt', 'Romy', 'Kim', 'Linda', 'Marieke', 'Ingrid', 'Petra', 'Monique', 'Mirjam', 'Esther', 'Annemiek',
  'Annemarie', 'Anneke', 'Marjolein', 'Marloes', 'Mariska', 'Mieke', 'Marian', 'Marianne', 'Maria', 'Marja', 'Miranda',
  'Manon', 'Karin', 'Carla', 'Claudia', 'Sandra', 'Sabine', 'Simone', 'Saskia', 'Suzanne', 'Susan', 'Judith', 'Ilse',
  'Inge', 'Ellen', 'Els', 'Elly', 'Ria', 'Riet', 'Truus', 'Tineke', 'Trudy', 'Wilma', 'Willemijn', 'Yvonne', 'Jolanda',
  'José', 'Joke', 'Jolien', 'Janneke', 'Jacqueline', 'Hanneke', 'Hilde', 'Heleen', 'Henriëtte', 'Gerda', 'Greet', 'Ans',
  'Astrid', 'Bianca', 'Brenda', 'Chantal', 'Daniëlle', 'Danielle', 'Debby', 'Denise', 'Dewi', 'Diana', 'Dineke', 'Dorien',
  'Evelien', 'Ester', 'Fatima', 'Fatma', 'Ayşe', 'Aysel', 'Elif', 'Zeynep', 'Khadija', 'Naima', 'Nadia', 'Samira', 'Yasmina',
  'Soumaya', 'Hanan', 'Latifa', 'Malika', 'Meryem', 'Nora', 'Noor', 'Nour', 'Rachida', 'Salma', 'Sevda', 'Sevgi', 'Büşra',
  'Hatice', 'Emine', 'Gül', 'Priya', 'Sharon', 'Shanti', 'Kiran', 'Anjali', 'Gisela', 'Renate', 'Rianne', 'Rosa', 'Roel',
  'Loes', 'Lies', 'Liesbeth', 'Lidwien', 'Lianne', 'Marleen', 'Mirthe', 'Myrthe', 'Nicole', 'Patricia', 'Paula',
  'Pauline', 'Priscilla', 'Renée', 'Sylvia', 'Tamara', 'Thirza', 'Vera', 'Wendy', 'Wietske', 'Anke', 'Annet',
  'Annette', 'Bea', 'Carolien', 'Charlotte', 'Christel', 'Corina', 'Corrie', 'Dianne', 'Eline', 'Elise', 'Elske', 'Emily',
  'Femmy', 'Francien', 'Geertje', 'Hennie', 'Ina', 'Jannie', 'Jantine', 'Jet', 'Jikke', 'Karlijn', 'Kirsten', 'Laura',
  'Lara', 'Lea', 'Lena', 'Lieve', 'Lisanne', 'Lizzy', 'Lore', 'Maaike', 'Madelief', 'Margriet', 'Marit', 'Merel', 'Mette',
  'Mia', 'Minke', 'Nienke', 'Noortje', 'Olivia', 'Pien', 'Puck', 'Rinske', 'Sam', 'Sofie', 'Stephanie', 'Tanja', 'Tirza',
  'Valerie', 'Veerle', 'Wies', 'Yfke', 'Zoe',
  // men
  'Jan', 'Piet', 'Kees', 'Henk', 'Gerrit', 'Hendrik', 'Johannes', 'Cornelis', 'Willem', 'Pieter', 'Dirk', 'Klaas', 'Jacob',
  'Jacobus', 'Hans', 'Peter', 'Paul', 'Marco', 'Mark', 'Martin', 'Michel', 'Michael', 'Richard', 'Robert', 'Rob', 'Ronald',
  'René', 'Rene', 'Erik', 'Eric', 'Frank', 'Gert', 'Gerard', 'Harry', 'Jeroen', 'Joost', 'Jos', 'Johan', 'John', 'Jasper',
  'Kevin', 'Koen', 'Bas', 'Bart', 'Bram', 'Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Noah', 'Liam', 'Luuk', 'Milan', 'Jesse',
  'Thijs', 'Thomas', 'Tim', 'Tom', 'Stijn', 'Sven', 'Niels', 'Nick', 'Ruben', 'Rick', 'Roy', 'Sander', 'Wouter', 'Vincent',
  'Dennis', 'Dave', 'David', 'Jeffrey', 'Arjen', 'Arjan', 'Arie', 'Ad', 'Albert', 'Anton', 'Ben', 'Bert', 'Bob', 'Casper',
  'Chris', 'Cor', 'Danny', 'Edwin', 'Erwin', 'Evert', 'Ferdinand', 'Floris', 'Frans', 'Freek', 'Frits', 'Geert', 'Gijs',
  'Guus', 'Harm', 'Herman', 'Hugo', 'Jaap', 'Jelle', 'Jens', 'Job', 'Joep', 'Joris', 'Jurre', 'Justin', 'Karel',
  'Lars', 'Leo', 'Lex', 'Maarten', 'Martijn', 'Mats', 'Max', 'Mees', 'Menno', 'Mike', 'Nico', 'Olaf', 'Otto', 'Patrick',
  'Pim', 'Quinten', 'Raymond', 'Reinier', 'Remco', 'Rens', 'Rik', 'Rinus', 'Rogier', 'Ruud', 'Siem', 'Simon',
  'Stefan', 'Teun', 'Theo', 'Ton', 'Twan', 'Victor', 'Wim', 'Wil', 'Willy', 'Wybren', 'Youri', 'Yuri', 'Zeger', 'Sjoerd',
  'Sietse', 'Tjeerd', 'Hessel', 'Auke', 'Durk', 'Folkert', 'Hidde', 'Jelmer', 'Wessel', 'Ids', 'Ties', 'Tijn', 'Julian',
  'Mohamed', 'Mohammed', 'Mohammad', 'Ahmed', 'Ahmet', 'Ali', 'Hassan', 'Hussein', 'Youssef', 'Yusuf', 'Mustafa', 'Mehmet',
  'Murat', 'Emre', 'Burak', 'Kemal', 'Hakan', 'Omar', 'Karim', 'Khalid', 'Rachid', 'Said', 'Samir', 'Abdel', 'Abdelkader',
  'Adam', 'Ayoub', 'Bilal', 'Hamza', 'Ibrahim', 'Ismail', 'Mounir', 'Nordin', 'Redouan', 'Soufian', 'Tarik', 'Younes',
  'Zakaria', 'Anil', 'Raj', 'Ravi', 'Sunil', 'Rajesh', 'Dev', 'Jermaine', 'Glenn', 'Romano', 'Dwayne', 'Ricardo',
  'Stanley', 'Winston', 'Ernesto', 'Jorge', 'Luis', 'Pedro', 'Carlos', 'Igor', 'Piotr', 'Tomasz', 'Marek',
];

/** Surnames without tussenvoegsel (see the header for the source). */
export const SURNAMES: readonly string[] = [
  'Jong', 'Jansen', 'Vries', 'Berg', 'Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'Meyer', 'Boer', 'Mulder',
  'Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Leeuwen', 'Dekker', 'Brouwer', 'Wit', 'Dijkstra', 'Smits', 'Graaf', 'Meer',
  'Linden', 'Kok', 'Jacobs', 'Haan', 'Vermeulen', 'Heuvel', 'Veen', 'Broek', 'Bruijn', 'Bruin', 'Heijden', 'Schouten',
  'Beek', 'Willems', 'Vliet', 'Ven', 'Hoekstra', 'Maas', 'Verhoeven', 'Koster', 'Dam', 'Wal', 'Prins', 'Blom', 'Huisman',
  'Peeters', 'Jonge', 'Kuipers', 'Post', 'Kuiper', 'Veenstra', 'Kramer', 'Brink', 'Scholten', 'Wijk', 'Postma', 'Martens',
  'Vink', 'Ruiter', 'Timmermans', 'Groen', 'Gerritsen', 'Jonker', 'Loon', 'Velde', 'Willemsen', 'Smeets', 'Lange', 'Bosch',
  'Dongen', 'Schipper', 'Koning', 'Laan', 'Velden', 'Driessen', 'Doorn', 'Hermans', 'Evers', 'Meulen', 'Hofman', 'Bosman',
  'Wolters', 'Verbeek', 'Sijbesma', 'Kroon', 'Hoek', 'Claassen', 'Koopman', 'Wouters', 'Verschoor', 'Hoogendoorn',
  'Mol', 'Zwart', 'Molenaar', 'Goossens', 'Aarts', 'Rijn', 'Kaya', 'Yilmaz', 'Yılmaz', 'Demir', 'Şahin', 'Sahin',
  'Çelik', 'Celik', 'Öztürk', 'Ozturk', 'Aydın', 'Aydin', 'Arslan', 'Doğan', 'Dogan', 'Koç', 'Koc', 'Kılıç', 'Kilic',
  'Yıldız', 'Yildiz', 'Polat', 'Aksoy', 'Erdoğan', 'Amrani', 'Bakkali', 'Idrissi', 'Haddouchi', 'Boukhari', 'Ouali',
  'Tahiri', 'Mansouri', 'Ziani', 'Azzouz', 'Benali', 'Aziz', 'Mohamed', 'Ahmed', 'Hassan', 'Nguyen', 'Tran', 'Pham',
  'Singh', 'Ramdin', 'Ramdien', 'Jagesar', 'Pinas', 'Sedney', 'Wijngaarde', 'Kromowidjojo', 'Soekhai', 'Lachman',
  'Brunings', 'Pengel', 'Kowalski', 'Nowak', 'Wiśniewski', 'Bruggen', 'Buijs', 'Dekkers', 'Donk', 'Drost', 'Eijk',
  'Franken', 'Geerts', 'Graaff', 'Haas', 'Hartman', 'Heijnen', 'Hendriksen', 'Holthuis', 'Hoogland', 'Huizinga', 'Jacobsen',
  'Jager', 'Jonkers', 'Kamphuis', 'Keizer', 'Klein', 'Kleinjan', 'Klijn', 'Kloosterman', 'Knol', 'Koenen', 'Koevoets',
  'Kolk', 'Kooij', 'Kool', 'Kort', 'Kuijpers', 'Kuijper', 'Lambregts', 'Leenders', 'Lubbers', 'Meijers', 'Mertens',
  'Meulenbeld', 'Middelkoop', 'Mooij', 'Noordhuis', 'Oosterhout', 'Oosterveld', 'Otten', 'Pauw', 'Pol', 'Pronk', 'Reijnders',
  'Rietveld', 'Rijnders', 'Roos', 'Rutten', 'Sanders', 'Schaap', 'Schmidt', 'Schoenmaker', 'Schreuder', 'Sluiter', 'Snoek',
  'Spijker', 'Steenbergen', 'Stol', 'Stam', 'Teunissen', 'Tol', 'Valk', 'Veldhuis', 'Veldman', 'Verhagen', 'Verheij',
  'Verkerk', 'Vermeer', 'Verweij', 'Visscher', 'Vogel', 'Vonk', 'Vreeswijk', 'Weijers', 'Westerhof', 'Wijnen', 'Witteveen',
  'Wolf', 'Zijlstra', 'Zuidema', 'Akkerman', 'Baas', 'Beckers', 'Boersma', 'Bouma', 'Bouwman', 'Brands', 'Brugman',
  'Claessens', 'Cornelissen', 'Damen', 'Dijkman', 'Dirks', 'Dolstra', 'Elzinga', 'Faber', 'Feenstra', 'Gerrits', 'Groenewegen',
  'Haverkamp', 'Heemskerk', 'Hoekman', 'Hofstra', 'Holwerda', 'Hulst', 'Jaspers', 'Kerkhof', 'Kievit', 'Koopmans', 'Kramers',
  'Kroes', 'Langeveld', 'Lindeman', 'Luijten', 'Mooren', 'Nijhuis', 'Nijland', 'Pieters', 'Poppe', 'Reinders', 'Roelofs',
  'Schuurman', 'Siebers', 'Sikkema', 'Slot', 'Smeenk', 'Terpstra', 'Tuinstra', 'Venema', 'Vlaar', 'Wagenaar', 'Wijnands',
  'Zandbergen', 'Zwaan',
];

/** Surname particles (tussenvoegsels), lower case; matched case-insensitively, longest first. */
export const TUSSENVOEGSELS: readonly string[] = [
  'van der', 'van den', 'van de', 'van het', "van 't", 'in den', "in 't", 'in de', 'op de', 'op den', 'uit de', 'uit den',
  'van', 'de', 'den', 'der', 'het', "'t", 'ter', 'ten', 'te', 'op', 'in', 'la', 'le', 'du', 'da', 'von', 'el', 'al', 'ben',
  'bin', 'ait', "d'",
];

/**
 * Public figures whose names a case text cites as theory (career-guidance theorists and authors):
 * "Donald Super", "John Holland"… never a client. Matched as a whole name.
 */
export const PUBLIC_NAMES: readonly string[] = [
  'Donald Super', 'John Holland', 'Mark Savickas', 'Edgar Schein', 'John Krumboltz', 'Albert Bandura', 'Carl Rogers',
  'Gerard Egan', 'Douglas Hall', 'Abraham Maslow', 'Frans Meijers', 'Marinka Kuijpers', 'Reinekke Lengelle', 'Linda Gottfredson',
  'Robert Lent', 'Frank Parsons', 'William Bridges', 'Peter Senge', 'Daniel Pink', 'Martin Seligman', 'Steve de Shazer',
  'Insoo Kim Berg', 'Fredrike Bannink', 'Herminia Ibarra', 'Nancy Schlossberg',
];

/** Titles and forms of address after which a capitalised word is a surname. */
export const HONORIFICS: readonly string[] = [
  'meneer', 'mevrouw', 'mevr.', 'mevr', 'mw.', 'mw', 'dhr.', 'dhr', 'de heer', 'mr.', 'drs.', 'dr.', 'ir.', 'ing.', 'prof.',
  'mrs.', 'mr', 'mrs', 'ms.', 'ms', 'juffrouw', 'familie', 'fam.',
];
