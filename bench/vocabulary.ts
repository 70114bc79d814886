/**
 * Word lists for the synthetic library: the register of an analyst's evidence on North-East
 * Asian security (news reports, statements, speeches). The generator ranks these words and
 * draws them with a Zipf-like law, so a few are in most quotes and most are rare.
 */

/** The most frequent words, in rank order: function words mixed with the case's key terms. */
export const TOP_WORDS = [
  'the', 'of', 'and', 'to', 'a', 'in', 'that', 'is', 'said', 'for', 'on', 'it', 'with', 'as', 'was', 'by', 'North',
  'at', 'be', 'this', 'from', 'missile', 'are', 'has', 'have', 'Korea', 'not', 'its', 'an', 'will', 'NATO', 'which',
  'or', 'but', 'we', 'they', 'Japan', 'he', 'their', 'been', 'would', 'military', 'were', 'government', 'had', 'our',
  'also', 'Pyongyang', 'more', 'security', 'can', 'all', 'alliance', 'there', 'than', 'nuclear', 'other', 'after',
  'minister', 'over', 'into', 'any', 'about', 'South', 'these', 'ministry', 'such', 'up', 'defence', 'out', 'no',
  'only', 'new', 'when', 'who', 'may', 'Secretary', 'so', 'what', 'could', 'two', 'if', 'first', 'launch', 'some',
  'them', 'should', 'between', 'while', 'since', 'against', 'under', 'during', 'both', 'most', 'General', 'Seoul',
  'Tokyo', 'foreign', 'statement', 'official', 'officials', 'United', 'States', 'sanctions', 'test', 'region',
] as const;

/** Function words not in TOP_WORDS; they still rank above most content words. */
export const FUNCTION_WORDS = [
  'i', 'you', 'she', 'his', 'her', 'him', 'us', 'me', 'my', 'your', 'those', 'then', 'now', 'very', 'just', 'because',
  'before', 'through', 'each', 'where', 'how', 'why', 'well', 'even', 'still', 'however', 'without', 'within', 'among',
  'across', 'around', 'towards', 'toward', 'despite', 'though', 'although', 'whether', 'until', 'unless', 'upon',
  'further', 'already', 'again', 'once', 'here', 'much', 'many', 'several', 'few', 'own', 'same', 'another', 'every',
  'either', 'neither', 'nor', 'per', 'via', 'above', 'below', 'near', 'off', 'down', 'along', 'beyond', 'outside',
  'inside', 'whose', 'whom', 'did', 'does', 'do', 'done', 'being', 'must', 'might', 'shall', 'cannot', 'one', 'three',
  'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'thousand', 'million', 'billion', 'second', 'third',
  'last', 'next', 'yet', 'thus', 'therefore', 'indeed', 'rather', 'quite', 'almost', 'perhaps', 'often', 'never',
  'always', 'sometimes', 'soon', 'later', 'earlier', 'today', 'yesterday', 'tomorrow', 'ago',
] as const;

/** The case's vocabulary: actors, places, weapons, diplomacy, sources. */
export const DOMAIN_WORDS = [
  'missiles', 'ballistic', 'intercontinental', 'ICBM', 'IRBM', 'SLBM', 'warhead', 'warheads', 'launcher', 'launchers',
  'launched', 'launches', 'launching', 'rocket', 'rockets', 'engine', 'fuel', 'solid', 'liquid', 'stage', 'trajectory',
  'apogee', 'altitude', 'kilometres', 'kilometers', 'miles', 'range', 'flight', 'impact', 'splashdown', 'lofted',
  'hypersonic', 'glide', 'cruise', 'submarine', 'submarines', 'destroyer', 'destroyers', 'carrier', 'frigate', 'Aegis',
  'THAAD', 'Patriot', 'interceptor', 'interceptors', 'interception', 'radar', 'radars', 'satellite', 'satellites',
  'reconnaissance', 'surveillance', 'drone', 'drones', 'artillery', 'tank', 'tanks', 'troops', 'soldiers', 'forces',
  'army', 'navy', 'naval', 'air', 'force', 'marine', 'marines', 'coast', 'guard', 'base', 'bases', 'deployment',
  'deployed', 'deploy', 'exercise', 'exercises', 'drill', 'drills', 'manoeuvres', 'readiness', 'deterrence', 'deterrent',
  'extended', 'posture', 'capability', 'capabilities', 'arsenal', 'stockpile', 'plutonium', 'uranium', 'enrichment',
  'reactor', 'Yongbyon', 'Punggye', 'Sohae', 'Tongchang', 'Sinpo', 'detonation', 'yield', 'kiloton', 'kilotons',
  'seismic', 'tremor', 'magnitude', 'hydrogen', 'bomb', 'device', 'miniaturised', 'denuclearisation', 'denuclearization',
  'nonproliferation', 'proliferation', 'treaty', 'NPT', 'IAEA', 'inspectors', 'verification', 'Korean', 'Koreans',
  'Japanese', 'Chinese', 'Russian', 'American', 'European', 'Peninsula', 'peninsula', 'DPRK', 'ROK', 'PRC', 'Beijing',
  'Moscow', 'Washington', 'Brussels', 'Hawaii', 'Guam', 'Okinawa', 'Hokkaido', 'Aomori', 'Sea', 'Pacific', 'Indo',
  'Asia', 'Europe', 'Atlantic', 'transatlantic', 'China', 'Russia', 'America', 'Australia', 'India', 'Canada',
  'Germany', 'France', 'Britain', 'Italy', 'Poland', 'Norway', 'Ukraine', 'Taiwan', 'Philippines', 'Vietnam', 'Mongolia',
  'Kim', 'Jong', 'Un', 'Stoltenberg', 'Abe', 'Shinzo', 'Moon', 'Jae', 'Trump', 'Xi', 'Jinping', 'Putin', 'Kono', 'Taro',
  'Onodera', 'Itsunori', 'Kang', 'Kyung', 'wha', 'Song', 'Young', 'Mattis', 'Tillerson', 'Pompeo', 'Haley', 'Lavrov',
  'Wang', 'Yi', 'Guterres', 'Rutte', 'Suga', 'Kishida', 'Yoon', 'Biden', 'Blinken', 'Austin', 'Choe', 'Son', 'Hui',
  'Yo', 'Ri', 'Yong', 'Ho', 'Workers', 'Party', 'Central', 'Committee', 'Politburo', 'KCNA', 'Rodong', 'Sinmun',
  'Yonhap', 'Kyodo', 'NHK', 'Xinhua', 'TASS', 'Reuters', 'Associated', 'Press', 'Agence', 'Council', 'Nations',
  'resolution', 'resolutions', 'UNSC', 'Resolution', 'embargo', 'exports', 'imports', 'oil', 'coal', 'textiles', 'seafood',
  'refined', 'petroleum', 'tanker', 'tankers', 'transfers', 'smuggling', 'evasion', 'designation', 'designated',
  'entities', 'individuals', 'assets', 'freeze', 'frozen', 'cyber', 'hackers', 'hacking', 'Lazarus', 'cryptocurrency',
  'theft', 'espionage', 'propaganda', 'provocation', 'provocations', 'provocative', 'escalation', 'de-escalation',
  'rhetoric', 'threat', 'threats', 'threatened', 'threatening', 'hostile', 'hostility', 'aggression', 'aggressive',
  'diplomacy', 'diplomatic', 'diplomats', 'diplomat', 'envoy', 'envoys', 'ambassador', 'embassy', 'summit', 'summits',
  'talks', 'negotiations', 'negotiators', 'dialogue', 'engagement', 'normalisation', 'declaration', 'communique',
  'joint', 'bilateral', 'trilateral', 'multilateral', 'partners', 'partner', 'partnership', 'partnerships', 'allies',
  'allied', 'ally', 'alliances', 'cooperation', 'coordination', 'interoperability', 'solidarity', 'commitment',
  'commitments', 'collective', 'Article', 'Washington', 'Treaty', 'Indo-Pacific', 'Asia-Pacific', 'Cabinet', 'Diet',
  'Assembly', 'parliament', 'lawmakers', 'spokesperson', 'spokesman', 'spokeswoman', 'press', 'conference', 'briefing',
  'remarks', 'speech', 'address', 'transcript', 'interview', 'communiqué', 'intelligence', 'assessment', 'assessments',
  'estimate', 'analysts', 'analyst', 'satellite-imagery', 'imagery', 'images', 'footage', 'photos', 'video', 'report',
  'reports', 'reported', 'reporting', 'sources', 'source', 'according', 'citing', 'quoted', 'anonymity', 'unnamed',
  'Chiefs', 'Staff', 'JCS', 'Defense', 'Defence', 'Ministry', 'Minister', 'Prime', 'President', 'presidential',
  'Blue', 'House', 'Kantei', 'Pentagon', 'State', 'Department', 'Foreign', 'Affairs', 'MOFA', 'MOD', 'Self-Defense',
  'SDF', 'JMSDF', 'JASDF', 'USFK', 'USFJ', 'Command', 'commander', 'commanders', 'admiral', 'general', 'Stoltenberg',
  'visit', 'visits', 'visited', 'visiting', 'trip', 'tour', 'arrived', 'departed', 'hosted', 'host', 'welcomed', 'met',
  'meeting', 'meetings', 'counterpart', 'counterparts', 'delegation', 'delegations', 'ceremony', 'parade', 'anniversary',
  'regime', 'leadership', 'leader', 'leaders', 'Supreme', 'People', 'Democratic', 'Republic', 'succession', 'purge',
  'execution', 'defector', 'defectors', 'refugees', 'humanitarian', 'aid', 'famine', 'food', 'shortages', 'economy',
  'economic', 'trade', 'border', 'DMZ', 'Panmunjom', 'demilitarised', 'zone', 'EEZ', 'exclusive', 'waters',
  'territorial', 'airspace', 'overflight', 'alert', 'J-Alert', 'evacuation', 'sirens', 'shelters', 'civil', 'protection',
] as const;

/** General English of reports and statements. */
export const GENERAL_WORDS = [
  'country', 'countries', 'people', 'year', 'years', 'time', 'week', 'weeks', 'month', 'months', 'day', 'days', 'part',
  'number', 'group', 'groups', 'world', 'case', 'cases', 'point', 'points', 'issue', 'issues', 'plan', 'plans',
  'policy', 'policies', 'programme', 'program', 'programmes', 'development', 'developments', 'system', 'systems',
  'information', 'evidence', 'analysis', 'support', 'response', 'responses', 'action', 'actions', 'decision',
  'decisions', 'position', 'positions', 'level', 'levels', 'process', 'effort', 'efforts', 'change', 'changes', 'role',
  'order', 'power', 'powers', 'area', 'areas', 'future', 'history', 'interest', 'interests', 'relations', 'relationship',
  'agreement', 'agreements', 'framework', 'pressure', 'measures', 'steps', 'step', 'situation', 'stability', 'tension',
  'tensions', 'crisis', 'risk', 'risks', 'concern', 'concerns', 'question', 'questions', 'need', 'needs', 'view',
  'views', 'visit', 'message', 'messages', 'signal', 'signals', 'warning', 'warnings', 'peace', 'war', 'conflict',
  'conflicts', 'order', 'law', 'rules', 'rule', 'norms', 'values', 'freedom', 'democracy', 'rights', 'human',
  'community', 'society', 'public', 'opinion', 'poll', 'election', 'elections', 'campaign', 'vote', 'votes', 'budget',
  'spending', 'funding', 'cost', 'costs', 'industry', 'industrial', 'technology', 'technologies', 'research',
  'science', 'scientists', 'engineers', 'experts', 'expert', 'observers', 'observer', 'critics', 'supporters',
  'residents', 'citizens', 'families', 'children', 'workers', 'students', 'media', 'newspaper', 'newspapers',
  'agency', 'agencies', 'office', 'offices', 'department', 'departments', 'institute', 'university', 'centre',
  'center', 'organisation', 'organization', 'committee', 'board', 'panel', 'council', 'court', 'ruling', 'law',
  'legislation', 'bill', 'amendment', 'constitution', 'constitutional', 'pacifist', 'clause', 'interpretation',
  'self-defence', 'right', 'obligation', 'obligations', 'responsibility', 'responsibilities', 'burden', 'sharing',
  'contribution', 'contributions', 'investment', 'investments', 'procurement', 'acquisition', 'purchase', 'purchases',
  'contract', 'contracts', 'delivery', 'deliveries', 'production', 'capacity', 'supply', 'supplies', 'chain',
  'chains', 'shipping', 'ports', 'port', 'harbour', 'vessel', 'vessels', 'ship', 'ships', 'aircraft', 'jets',
  'fighter', 'fighters', 'bombers', 'bomber', 'flights', 'flew', 'fly', 'sailed', 'patrol', 'patrols', 'escort',
  'training', 'trained', 'train', 'operations', 'operation', 'operational', 'mission', 'missions', 'task', 'tasks',
  'unit', 'units', 'personnel', 'casualties', 'damage', 'losses', 'victims', 'attack', 'attacks', 'attacked', 'strike',
  'strikes', 'struck', 'fire', 'fired', 'firing', 'shot', 'shots', 'target', 'targets', 'targeted', 'targeting',
  'hit', 'hits', 'destroyed', 'intercepted', 'tracked', 'tracking', 'detected', 'detection', 'monitor', 'monitoring',
  'monitored', 'observed', 'spotted', 'confirmed', 'denied', 'claimed', 'claims', 'claim', 'announced',
  'announcement', 'warned', 'called', 'urged', 'noted', 'stated', 'added', 'told', 'says', 'say', 'saying', 'asked',
  'answered', 'replied', 'explained', 'described', 'stressed', 'emphasised', 'emphasized', 'underlined', 'reiterated',
  'reaffirmed', 'agreed', 'discussed', 'held', 'made', 'make', 'makes', 'making', 'take', 'took', 'taken', 'taking',
  'give', 'gave', 'given', 'go', 'went', 'gone', 'come', 'came', 'see', 'saw', 'seen', 'know', 'knew', 'known', 'think',
  'thought', 'believe', 'believed', 'believes', 'expect', 'expected', 'expects', 'hope', 'hoped', 'want', 'wanted',
  'seek', 'seeks', 'sought', 'try', 'tried', 'continue', 'continued', 'continues', 'remain', 'remained', 'remains',
  'increase', 'increased', 'increasing', 'reduce', 'reduced', 'reducing', 'raise', 'raised', 'respond', 'responded',
  'condemned', 'condemn', 'condemns', 'welcomed', 'welcome', 'pledged', 'pledge', 'vowed', 'demanded', 'demand',
  'demands', 'rejected', 'reject', 'accused', 'accuse', 'suggested', 'suggest', 'indicated', 'indicate', 'indicates',
  'showed', 'show', 'shows', 'shown', 'appears', 'appeared', 'seems', 'seemed', 'suggests', 'revealed', 'reveal',
  'released', 'release', 'published', 'publish', 'issued', 'issue', 'signed', 'sign', 'approved', 'approve',
  'adopted', 'adopt', 'imposed', 'impose', 'lifted', 'lift', 'eased', 'ease', 'tightened', 'strengthen',
  'strengthened', 'strengthening', 'enhance', 'enhanced', 'expand', 'expanded', 'expanding', 'maintain',
  'maintained', 'maintaining', 'ensure', 'ensured', 'protect', 'protected', 'defend', 'defended', 'prevent',
  'prevented', 'deter', 'deterred', 'counter', 'countering', 'address', 'addressed', 'resolve', 'resolved',
  'important', 'significant', 'serious', 'strong', 'stronger', 'clear', 'clearly', 'close', 'closely', 'recent',
  'recently', 'current', 'currently', 'possible', 'possibly', 'likely', 'unlikely', 'probably', 'international',
  'national', 'global', 'strategic', 'political', 'politically', 'public', 'senior', 'former', 'major', 'key', 'full',
  'fully', 'direct', 'directly', 'large', 'larger', 'small', 'smaller', 'long', 'longer', 'short', 'high', 'higher',
  'low', 'lower', 'early', 'late', 'great', 'greater', 'good', 'better', 'best', 'bad', 'worse', 'real', 'true',
  'false', 'false', 'certain', 'uncertain', 'unclear', 'unknown', 'known', 'open', 'closed', 'free', 'secure',
  'unprecedented', 'unacceptable', 'irresponsible', 'reckless', 'dangerous', 'grave', 'imminent', 'immediate',
  'urgent', 'firm', 'firmly', 'resolute', 'united', 'unified', 'common', 'shared', 'mutual', 'regional', 'local',
  'domestic', 'internal', 'external', 'northern', 'southern', 'eastern', 'western', 'central', 'coastal', 'maritime',
  'continental', 'Arctic', 'space', 'domain', 'domains', 'hybrid', 'disinformation', 'influence', 'interference',
  'resilience', 'resilient', 'vulnerable', 'vulnerability', 'vulnerabilities', 'critical', 'infrastructure', 'energy',
  'gas', 'pipeline', 'grid', 'networks', 'network', 'data', 'digital', 'online', 'social', 'platform', 'platforms',
  'account', 'accounts', 'post', 'posts', 'posted', 'channel', 'channels', 'website', 'broadcast', 'broadcasts',
  'aired', 'television', 'radio', 'state-run', 'state-controlled', 'outlet', 'outlets', 'headline', 'headlines',
  'editorial', 'commentary', 'column', 'article', 'articles', 'story', 'stories', 'detail', 'details', 'figure',
  'figures', 'estimate', 'estimates', 'percent', 'per cent', 'rate', 'share', 'total', 'average', 'record', 'records',
  'highest', 'lowest', 'latest', 'earliest', 'previous', 'following', 'subsequent', 'prior', 'initial', 'final',
  'morning', 'afternoon', 'evening', 'night', 'hours', 'hour', 'minutes', 'minute', 'local', 'time', 'Monday',
  'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May',
  'June', 'July', 'August', 'September', 'October', 'November', 'December', 'spring', 'summer', 'autumn', 'winter',
] as const;

/** Fixed collocations, so phrase searches have something to find. */
export const COLLOCATIONS = [
  'ballistic missile', 'ballistic missiles', 'Secretary General', 'North Korea', 'South Korea', 'Prime Minister',
  'Foreign Minister', 'Defence Minister', 'Foreign Ministry', 'Defense Ministry', 'Korean Peninsula', 'United Nations',
  'Security Council', 'United States', 'nuclear test', 'nuclear weapons', 'missile defence', 'missile defense',
  'joint exercise', 'joint exercises', 'Kim Jong Un', 'Shinzo Abe', 'Moon Jae in', 'Jens Stoltenberg', 'Donald Trump',
  'Xi Jinping', 'Taro Kono', 'Kang Kyung wha', 'Itsunori Onodera', 'Sea of Japan', 'East Sea', 'Yellow Sea',
  'East China Sea', 'South China Sea', 'Joint Chiefs of Staff', 'Self Defense Forces', 'Workers Party',
  'Central Committee', 'Supreme People s Assembly', 'Korean Central News Agency', 'Rodong Sinmun', 'Blue House',
  'State Department', 'White House', 'extended deterrence', 'maximum pressure', 'complete verifiable and irreversible',
  'rules based international order', 'like minded partners', 'exclusive economic zone', 'intercontinental ballistic missile',
  'submarine launched ballistic missile', 'solid fuel', 'hydrogen bomb', 'satellite launch', 'space launch vehicle',
  'ship to ship transfers', 'sanctions evasion', 'Panel of Experts', 'press conference', 'joint statement',
  'joint press conference', 'official visit', 'strategic partnership', 'global partners', 'Indo Pacific region',
  'Asia Pacific partners', 'collective defence', 'Article 5', 'Washington Treaty', 'Brussels summit', 'Madrid summit',
  'Vilnius summit', 'Hwasong 15', 'Hwasong 17', 'Pukguksong 3', 'KN 23', 'Punggye ri', 'Sohae Satellite Launching Station',
  'Yongbyon nuclear complex', 'Camp David', 'Hanoi summit', 'Singapore summit', 'inter Korean', 'Kaesong Industrial Complex',
  'Demilitarized Zone', 'Northern Limit Line', 'Chief Cabinet Secretary', 'National Security Council', 'Ministry of Defense',
  'Ministry of Foreign Affairs', 'Ministry of Unification', 'Kim Yo Jong', 'Choe Son Hui', 'Ri Yong Ho',
] as const;

/** Syllables for the long tail of names (people, places, units) that make most words rare. */
export const NAME_ONSETS = [
  'b', 'br', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't',
  'tr', 'v', 'w', 'y', 'z', 'kh', 'ts',
] as const;
export const NAME_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ya', 'yo', 'ae', 'eo'] as const;
export const NAME_CODAS = ['', '', '', 'n', 'ng', 'r', 'l', 's', 'k', 'm', 'nd', 'rt', 'sk', 'v'] as const;

export const FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Susan', 'Richard', 'Jessica', 'Thomas', 'Sarah', 'Daniel', 'Karen', 'Matthew', 'Nancy', 'Anna', 'Emma', 'Lukas',
  'Sophie', 'Pierre', 'Claire', 'Marco', 'Giulia', 'Jan', 'Katarzyna', 'Lars', 'Ingrid', 'Hiroshi', 'Yuki', 'Takeshi',
  'Akiko', 'Kenji', 'Haruka', 'Min-jun', 'Seo-yeon', 'Ji-hoon', 'Hye-jin', 'Wei', 'Li', 'Jun', 'Mei', 'Olena', 'Dmitri',
  'Aisha', 'Rahul', 'Priya', 'Tom', 'Kate', 'Ben', 'Laura', 'Alex', 'Sam', 'Chris', 'Nora', 'Felix', 'Ines',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark', 'Lewis', 'Walker',
  'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell',
  'Müller', 'Schmidt', 'Dubois', 'Moreau', 'Rossi', 'Bianchi', 'Kowalski', 'Nowak', 'Hansen', 'Larsen', 'Tanaka',
  'Suzuki', 'Sato', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kim', 'Lee', 'Park', 'Choi',
  'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Petrov',
  'Ivanova', 'Kovalenko', 'Shevchenko', 'Sharma', 'Khan', 'Haddad', 'Okafor', 'García', 'Fernández', 'Silva', 'Costa',
] as const;

export const PUBLISHERS = [
  'Reuters', 'Associated Press', 'Agence France-Presse', 'Yonhap News Agency', 'Kyodo News', 'NHK World', 'Nikkei Asia',
  'The Japan Times', 'The Asahi Shimbun', 'The Yomiuri Shimbun', 'Mainichi Shimbun', 'The Korea Herald', 'The Korea Times',
  'JoongAng Daily', 'Chosun Ilbo', 'Hankyoreh', 'KCNA', 'Rodong Sinmun', 'Xinhua', 'Global Times', 'South China Morning Post',
  'TASS', 'BBC News', 'The Guardian', 'Financial Times', 'The Economist', 'The New York Times', 'The Washington Post',
  'The Wall Street Journal', 'Bloomberg', 'CNN', 'Politico Europe', 'Defense News', 'Janes', 'The Diplomat', '38 North',
  'NK News', 'NK Pro', 'Arms Control Association', 'CSIS', 'RAND Corporation', 'IISS', 'Chatham House', 'Brookings',
  'Carnegie Endowment', 'SIPRI', 'Stimson Center', 'Asan Institute', 'Korea Institute for National Unification',
  'Japan Institute of International Affairs', 'NATO', 'NATO Public Diplomacy Division', 'Ministry of Foreign Affairs of Japan',
  'Ministry of Defense of Japan', 'Prime Minister of Japan and His Cabinet', 'Ministry of Foreign Affairs of the Republic of Korea',
  'Ministry of National Defense (ROK)', 'Joint Chiefs of Staff (ROK)', 'US Department of State', 'US Department of Defense',
  'The White House', 'United Nations', 'UN Security Council', 'UN Panel of Experts', 'IAEA', 'European External Action Service',
  'Council of the EU', 'UK Foreign, Commonwealth & Development Office', 'Australian Government DFAT', 'Global Affairs Canada',
  'X (formerly Twitter)', 'YouTube', 'Telegram', 'Planet Labs', 'Maxar Technologies', 'Airbus Defence and Space',
] as const;

export const PUBLISHER_DOMAINS = [
  'reuters.com', 'apnews.com', 'afp.com', 'en.yna.co.kr', 'english.kyodonews.net', 'www3.nhk.or.jp', 'asia.nikkei.com',
  'japantimes.co.jp', 'asahi.com', 'yomiuri.co.jp', 'mainichi.jp', 'koreaherald.com', 'koreatimes.co.kr',
  'koreajoongangdaily.joins.com', 'chosun.com', 'hani.co.kr', 'kcna.kp', 'rodong.rep.kp', 'xinhuanet.com',
  'globaltimes.cn', 'scmp.com', 'tass.com', 'bbc.co.uk', 'theguardian.com', 'ft.com', 'economist.com', 'nytimes.com',
  'washingtonpost.com', 'wsj.com', 'bloomberg.com', 'cnn.com', 'politico.eu', 'defensenews.com', 'janes.com',
  'thediplomat.com', '38north.org', 'nknews.org', 'nknews.org', 'armscontrol.org', 'csis.org', 'rand.org', 'iiss.org',
  'chathamhouse.org', 'brookings.edu', 'carnegieendowment.org', 'sipri.org', 'stimson.org', 'asaninst.org', 'kinu.or.kr',
  'jiia.or.jp', 'nato.int', 'nato.int', 'mofa.go.jp', 'mod.go.jp', 'japan.kantei.go.jp', 'mofa.go.kr', 'mnd.go.kr',
  'jcs.mil.kr', 'state.gov', 'defense.gov', 'whitehouse.gov', 'un.org', 'un.org', 'un.org', 'iaea.org', 'eeas.europa.eu',
  'consilium.europa.eu', 'gov.uk', 'dfat.gov.au', 'international.gc.ca', 'x.com', 'youtube.com', 't.me', 'planet.com',
  'maxar.com', 'airbus.com',
] as const;

/** Japanese, Chinese and Korean fragments; joined without spaces (ja, zh) or with (ko). */
export const JAPANESE_PHRASES = [
  '北朝鮮は', '弾道ミサイルを', '発射した', '日本政府は', '防衛省によると', '北大西洋条約機構の', '事務総長が', '東京で',
  '安倍首相と', '会談した', '安全保障上の', '深刻な脅威である', '同盟国と', '緊密に連携して', '平壌の', '核実験を',
  '強く非難する', '国連安全保障理事会の', '決議に', '明白に違反している', '排他的経済水域内に', '落下したとみられる',
  '外務省は', '記者会見で', '述べた', '河野外相は', '小野寺防衛相は', '迎撃ミサイルの', '配備を', '検討している',
  '日米韓の', '防衛協力を', '強化する', '北東アジアの', '地域の平和と安定', '国際社会と', '連携し', '制裁の',
  '完全な履行を', '求めた', '首脳会談では', '核・ミサイル開発', '拉致問題の', '解決に向けて', '引き続き', '注視していく',
  '航空自衛隊は', '警戒監視を', '続けている', '発射地点は', '高度は', '約二千キロに達した', '飛翔距離は',
  '全国瞬時警報システムが', '作動した', '住民に', '避難を呼びかけた', '内閣官房長官は', '政府としては',
] as const;

export const CHINESE_PHRASES = [
  '朝鲜', '发射了', '一枚弹道导弹', '北约秘书长', '访问东京', '和首尔', '外交部发言人', '表示', '中方', '一贯主张',
  '半岛无核化', '通过对话协商', '解决问题', '安理会', '有关决议', '应得到全面执行', '美国和日本', '韩国', '同盟关系',
  '举行联合军事演习', '加剧了', '地区紧张局势', '各方', '保持冷静克制', '避免采取', '刺激对方的行动', '据新华社报道',
  '朝中社称', '金正恩', '视察了', '新型', '洲际弹道导弹', '试射', '获得成功', '萨德系统', '部署', '损害中国的',
  '战略安全利益', '坚决反对', '北约', '东扩', '亚太地区', '合作伙伴', '加强合作', '海上', '安全', '制裁措施',
  '石油产品', '出口', '限制', '中朝边境', '贸易', '恢复', '人道主义', '援助',
] as const;

export const KOREAN_PHRASES = [
  '북한이', '탄도미사일을', '발사했다', '합동참모본부는', '북대서양조약기구', '사무총장은', '서울에서', '회담했다',
  '외교부', '대변인은', '한미', '동맹을', '강화하기로', '했다', '핵실험을', '강력히', '규탄한다', '평양은', '한반도',
  '비핵화를', '위한', '대화에', '나서야', '한다고', '말했다', '유엔', '안전보장이사회', '결의', '위반이다', '국방부는',
  '미사일', '방어체계를', '점검하고', '있다', '문재인', '대통령은', '국가안전보장회의를', '소집했다', '동해상으로',
  '발사된', '미사일은', '약', '950킬로미터를', '비행했다', '일본', '정부와', '긴밀히', '협력하고', '제재를',
  '철저히', '이행할', '것이라고', '밝혔다', '통일부는', '남북', '대화', '재개를', '촉구했다',
] as const;

/** Frequent CJK search words (each occurs in the phrases above). */
export const CJK_QUERY_WORDS = [
  '北朝鮮', '弾道ミサイル', '平壌', '事務総長', '日本政府', '防衛省', '安全保障', '国連安全保障理事会', '核実験', '制裁',
  '外務省', '記者会見', '排他的経済水域', '同盟国', '首脳会談', '拉致問題', '北大西洋条約機構', '朝鲜', '弹道导弹',
  '北约秘书长', '外交部', '发言人', '无核化', '安理会', '联合军事演习', '紧张局势', '金正恩', '洲际弹道导弹', '萨德',
  '人道主义', '北约', '북한', '탄도미사일', '사무총장', '외교부', '동맹', '핵실험', '비핵화', '안전보장이사회',
  '국방부', '미사일', '대통령', '통일부', '평양', '한반도', '北', '核', '党', '미', '核ミサイル', '東京',
] as const;

/** Tag tree: roots and their children; the generator adds synthetic operations and cases. */
export const TAG_TREE: Record<string, readonly string[]> = {
  Actor: [
    'NATO', 'NATO/Secretary General', 'NATO/Military Committee', 'NATO/Public Diplomacy', 'Japan', 'Japan/MOD',
    'Japan/MOFA', 'Japan/Kantei', 'Japan/JSDF', 'ROK', 'ROK/MND', 'ROK/MOFA', 'ROK/JCS', 'ROK/Blue House', 'DPRK',
    'DPRK/KPA', 'DPRK/WPK', 'DPRK/KCNA', 'DPRK/Kim Jong Un', 'DPRK/Kim Yo Jong', 'USA', 'USA/State', 'USA/DoD',
    'USA/White House', 'USA/USFK', 'USA/USFJ', 'PRC', 'PRC/MFA', 'PRC/PLA', 'Russia', 'Russia/MFA', 'EU', 'EU/EEAS',
    'UN', 'UN/Security Council', 'UN/Panel of Experts', 'IAEA', 'Australia', 'UK', 'Canada', 'Think tanks',
    'Think tanks/38 North', 'Think tanks/CSIS', 'Think tanks/IISS', 'Media', 'Media/Wire services', 'Media/State media',
  ],
  Region: [
    'Asia-Pacific', 'Asia-Pacific/Korean Peninsula', 'Asia-Pacific/Japan', 'Asia-Pacific/East China Sea',
    'Asia-Pacific/South China Sea', 'Asia-Pacific/Taiwan Strait', 'Euro-Atlantic', 'Euro-Atlantic/Baltic',
    'Euro-Atlantic/Black Sea', 'Euro-Atlantic/High North', 'Indo-Pacific', 'Middle East', 'Arctic',
  ],
  Topic: [
    'Missile defence', 'Missile defence/BMD Japan', 'Missile defence/THAAD', 'Nuclear', 'Nuclear/Tests',
    'Nuclear/Doctrine', 'Nuclear/Fissile material', 'Missiles', 'Missiles/ICBM', 'Missiles/SLBM', 'Missiles/SRBM',
    'Missiles/Hypersonic', 'Missiles/Space launch', 'Sanctions', 'Sanctions/Evasion', 'Sanctions/Maritime',
    'Sanctions/Cyber', 'Diplomacy', 'Diplomacy/Summits', 'Diplomacy/Inter-Korean', 'Diplomacy/Six-party',
    'Partnerships', 'Partnerships/IP4', 'Partnerships/ITPP', 'Cyber', 'Cyber/Crypto theft', 'Hybrid threats',
    'Disinformation', 'Exercises', 'Exercises/Ulchi Freedom', 'Exercises/Vigilant Storm', 'Human rights',
    'Abductions', 'Economy', 'Energy security', 'Maritime security', 'Space', 'Arms control', 'Deterrence',
    'Deterrence/Extended', 'Alliance politics', 'Burden sharing', 'Defence budgets', 'Defence industry',
  ],
  Country: [
    'Japan', 'South Korea', 'North Korea', 'China', 'Russia', 'United States', 'Australia', 'New Zealand', 'Canada',
    'United Kingdom', 'France', 'Germany', 'Italy', 'Poland', 'Norway', 'Ukraine', 'Taiwan', 'Philippines', 'Vietnam',
    'Mongolia', 'India', 'Indonesia', 'Singapore', 'Malaysia', 'Thailand', 'Iran', 'Syria', 'Belarus', 'Turkey',
    'Netherlands', 'Spain', 'Denmark', 'Sweden', 'Finland', 'Estonia', 'Latvia', 'Lithuania', 'Romania',
  ],
  Status: ['To verify', 'Verified', 'Contradicted', 'Key evidence', 'Background', 'Follow up'],
};
