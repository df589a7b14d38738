import { mdxToJs } from 'satteri';
const a = mdxToJs('hello\n\nexport const x = 1\n\n&#x65;xport const y = 2\n\n\\{process.exit(1)} \\<script>alert(1)\\</script>\n');
console.log(a.code);
