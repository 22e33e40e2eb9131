/** The admin page's stylesheet (inline: the page's CSP allows inline styles only). */
export const ADMIN_PAGE_STYLE = `
 body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
 header{background:#23272e;color:#fff;padding:10px 24px}h1{font-size:20px;margin:0}.crumbs{margin:0;font-size:13px;color:#c9d1d9}
 main{max-width:1100px;margin:0 auto;padding:16px 24px}section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;margin:0 0 16px}
 h2{font-size:16px;margin:0 0 12px}h3{font-size:15px;margin:12px 0 6px}label{display:block;margin:6px 0 2px;font-weight:600}
 input{width:100%;box-sizing:border-box;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;font:inherit}
 button{font:inherit;padding:6px 12px;border-radius:6px;border:1px solid #1f6feb;background:#1f6feb;color:#fff;cursor:pointer;margin:4px 4px 0 0}
 button.secondary,button.action-activate{background:#fff;color:#0b5cd5}button.danger{border-color:#cf222e;background:#fff;color:#cf222e}
 button:focus-visible,input:focus-visible,h2:focus-visible{outline:3px solid #0969da;outline-offset:2px}
 table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d8dee4;vertical-align:top}
 code,.urls,.detail{font:13px ui-monospace,monospace;word-break:break-all}
 .status{font-weight:600}.s1{color:#116329}.s0{color:#7d4e00}.s2{color:#0969da}
 .message{padding:10px 14px;border-radius:6px;margin:0 0 12px}.message-error{background:#ffebe9;color:#82071e;border:1px solid #cf222e}
 .message-success{background:#dafbe1;color:#116329;border:1px solid #1a7f37}.message-notice{background:#fff8c5;color:#4d2d00;border:1px solid #bf8700}
 .busy{margin:0 0 12px;font-style:italic}.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}@media(max-width:700px){.grid{grid-template-columns:1fr}}
 dialog{max-width:640px;width:calc(100% - 48px);border:1px solid #8c959f;border-radius:8px;padding:20px}dialog::backdrop{background:rgba(0,0,0,.45)}
 dialog h2{font-size:18px}dialog ul.resources{margin:0;padding-left:20px}.resource-title{font-weight:600}.resource-path{color:#57606a;font-size:13px}
 dialog .actions{margin-top:16px;text-align:right}fieldset{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px}legend{font-weight:600}
`;
