/** The app: services in context, the theme applied, the workbench window. */
import { ServicesProvider, type Services } from "./store/context.js";
import { Workbench } from "./shell/Workbench.js";
import { useTheme } from "./theme/use-theme.js";

function Themed() {
  useTheme();
  return <Workbench />;
}

export function App({ services }: { services: Services }) {
  return (
    <ServicesProvider services={services}>
      <Themed />
    </ServicesProvider>
  );
}
