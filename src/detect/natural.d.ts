// natural's deep module paths (importing the package index pulls database clients; see TOOLCHAIN.md).
declare module 'natural/lib/natural/distance/dice_coefficient.js' {
  const diceCoefficient: (a: string, b: string) => number;
  export default diceCoefficient;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porterStemmer: { stem(word: string): string };
  export default porterStemmer;
}
