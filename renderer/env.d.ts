// What the bundler gives the renderer besides TypeScript: CSS imports (plain and modules).
declare module "*.module.css" {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
declare module "*.css";
