/**
 * Fixed vocabularies shared by the demo world and the scale world: the anchor date every seeded
 * time is relative to, job categories and their titles, review comments, names. Keeping them in
 * one place means both worlds speak about the same marketplace.
 */
import { JOB_CATEGORIES as CATEGORY_NAMES, type JobCategory } from "@/lib/marketplace/categories";

/**
 * Every seeded time is an offset from this constant, never from Date.now(), so "member since",
 * ratings and rates are the same on every machine and every run.
 */
export const SEED_ANCHOR = new Date("2026-11-01T12:00:00Z");

export const DAY_MS = 86_400_000;

export function daysBefore(days: number, from: Date = SEED_ANCHOR): Date {
  return new Date(from.getTime() - days * DAY_MS);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/**
 * Two title variants for every marketplace job category: keyed by the category type, so a category
 * added to lib/marketplace/categories.ts does not typecheck until it has titles here.
 */
const JOB_TITLES = {
  "House cleaning": ["Weekly clean of a 2-bedroom flat", "Clean before guests arrive"],
  "Deep cleaning": ["Deep clean of kitchen and bathrooms", "Spring deep clean, whole house"],
  "Move-out cleaning": ["End-of-lease clean", "Move-out clean for a studio"],
  "Window cleaning": ["Inside and outside windows", "Clean skylights and glass doors"],
  "Handyman": ["Fix a sticking door and hang shelves", "Small repairs around the house"],
  "Plumbing": ["Leaking kitchen tap", "Replace a toilet cistern valve"],
  "Furniture assembly": ["Assemble a wardrobe and a bed", "Put together an office desk"],
  "Painting": ["Paint the living room", "Touch up hallway walls"],
  "Gardening": ["Weed and replant the borders", "Plant a vegetable patch"],
  "Lawn care": ["Mow and edge the lawn", "Autumn lawn treatment"],
  "Tree trimming": ["Trim an overgrown hedge", "Prune two fruit trees"],
  "Pet sitting": ["Cat sitting for a long weekend", "Look after our dog for a week"],
  "Dog walking": ["Midday walks, Monday to Friday", "Evening walk for an energetic puppy"],
  "Electrical": ["Replace light fittings", "Install an outdoor socket"],
  "Smart home setup": ["Set up smart thermostat and plugs", "Install video doorbell"],
} as const satisfies Record<JobCategory, readonly [string, string]>;

/** Every marketplace job category with its titles, in the list's order (the seeds draw from it by index). */
export const JOB_CATEGORIES = CATEGORY_NAMES.map((name) => ({ name, titles: JOB_TITLES[name] }));

export const JOB_DESCRIPTIONS = [
  "Flexible on timing; weekday mornings are best. Parking available on the street.",
  "Looking for someone reliable who can bring their own supplies and tools.",
  "Access through the side gate. Please message before you come.",
  "Small apartment on the third floor, there is a lift.",
  "We have a friendly dog who will be in the garden while you work.",
  "Happy to pay a bit more for someone who can start this week.",
  "Photos available on request. Budget is a rough guide.",
  "Repeat work possible if this goes well.",
] as const;

/** Review comments by rating (index 0 = 1 star). */
export const REVIEW_COMMENTS: readonly (readonly string[])[] = [
  [
    "Did not show up at the agreed time and would not answer messages.",
    "Cancelled on the day after we had turned down other work.",
  ],
  [
    "Changed the scope several times and disputed the final price.",
    "Access to the property was not arranged as promised.",
  ],
  [
    "Fine overall, though instructions were a bit unclear.",
    "Paid on time, but the job was larger than described.",
    "",
  ],
  [
    "Friendly and clear about what they wanted. Would work with again.",
    "Good communication and paid promptly.",
    "Easy to work with, place was ready when we arrived.",
    "",
  ],
  [
    "A pleasure to work for: clear brief, prompt payment, very kind.",
    "Excellent customer, everything ready and well explained.",
    "Great communication from start to finish. Highly recommended.",
    "Tea and biscuits waiting! Paid the same day. Five stars.",
    "",
  ],
];

export const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
  "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
  "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Margaret",
  "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Paul", "Donna", "Joshua", "Michelle",
  "Kenneth", "Carol", "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie",
  "Ronald", "Rebecca", "Jason", "Sharon", "Edward", "Laura", "Jeffrey", "Cynthia", "Ryan", "Dorothy",
  "Jacob", "Amy", "Gary", "Kathleen", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Emma",
  "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Nicole", "Scott", "Anna", "Brandon", "Samantha",
  "Benjamin", "Katherine", "Samuel", "Christine", "Gregory", "Debra", "Alexander", "Rachel", "Patrick", "Carolyn",
  "Frank", "Janet", "Raymond", "Maria", "Jack", "Olivia", "Dennis", "Heather", "Jerry", "Helen",
  "Aisha", "Mateo", "Yuki", "Priya", "Omar", "Sofia", "Wei", "Fatima", "Lucas", "Ingrid",
] as const;

export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
  "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
  "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
  "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
  "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Okafor",
] as const;
